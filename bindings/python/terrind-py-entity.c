/* terrind-py-entity.c: what every entity wrapper does the same way
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/* The C API has one function per type for each of these; a switch keeps
 * the calls type-checked instead of casting function pointers. */

gpointer
terrind_py_kind_ref (TerrindPyKind kind,
                     gpointer      handle)
{
  switch (kind)
    {
    case TERRIND_PY_PHASE:      return terrind_phase_ref (handle);
    case TERRIND_PY_REGION:     return terrind_region_ref (handle);
    case TERRIND_PY_TERRITORY:  return terrind_territory_ref (handle);
    case TERRIND_PY_OPERATOR:   return terrind_operator_ref (handle);
    case TERRIND_PY_CONVENTION: return terrind_convention_ref (handle);
    case TERRIND_PY_COMMITMENT: return terrind_commitment_ref (handle);
    case TERRIND_PY_REFERENT:   return terrind_referent_ref (handle);
    case TERRIND_PY_DESIGNATION: return terrind_designation_ref (handle);
    case TERRIND_PY_INVESTMENT: return terrind_investment_ref (handle);
    case TERRIND_PY_N_KINDS:
    default:                    break;
    }
  g_return_val_if_reached (NULL);
}

/* The unref functions as GDestroyNotify, so that an array of references
 * releases them itself. */
static void phase_unref (gpointer handle)      { terrind_phase_unref (handle); }
static void region_unref (gpointer handle)     { terrind_region_unref (handle); }
static void territory_unref (gpointer handle)  { terrind_territory_unref (handle); }
static void operator_unref (gpointer handle)   { terrind_operator_unref (handle); }
static void convention_unref (gpointer handle) { terrind_convention_unref (handle); }
static void commitment_unref (gpointer handle) { terrind_commitment_unref (handle); }
static void referent_unref (gpointer handle)   { terrind_referent_unref (handle); }
static void designation_unref (gpointer handle) { terrind_designation_unref (handle); }
static void investment_unref (gpointer handle) { terrind_investment_unref (handle); }

static const GDestroyNotify kind_unref_funcs[TERRIND_PY_N_KINDS] = {
  [TERRIND_PY_PHASE]      = phase_unref,
  [TERRIND_PY_REGION]     = region_unref,
  [TERRIND_PY_TERRITORY]  = territory_unref,
  [TERRIND_PY_OPERATOR]   = operator_unref,
  [TERRIND_PY_CONVENTION] = convention_unref,
  [TERRIND_PY_COMMITMENT] = commitment_unref,
  [TERRIND_PY_REFERENT]   = referent_unref,
  [TERRIND_PY_DESIGNATION] = designation_unref,
  [TERRIND_PY_INVESTMENT] = investment_unref,
};

void
terrind_py_kind_unref (TerrindPyKind kind,
                       gpointer      handle)
{
  g_return_if_fail (kind < TERRIND_PY_N_KINDS);
  kind_unref_funcs[kind] (handle);
}

/*
 * terrind_py_kind_ref_all:
 * @array: a listing from the C library, whose elements are borrowed
 *
 * Takes a reference on every element of @array, which then releases them
 * when it is freed (or an element removed). To be called before anything
 * can allocate: see the rule in terrind-py-private.h.
 */
void
terrind_py_kind_ref_all (TerrindPyKind  kind,
                         GPtrArray     *array)
{
  guint i;

  g_return_if_fail (kind < TERRIND_PY_N_KINDS);
  for (i = 0; i < array->len; i++)
    terrind_py_kind_ref (kind, g_ptr_array_index (array, i));
  g_ptr_array_set_free_func (array, kind_unref_funcs[kind]);
}

/* Returns: (transfer none) (nullable): the registry that holds @handle now. */
TerrindRegistry *
terrind_py_kind_get_registry (TerrindPyKind kind,
                              gconstpointer handle)
{
  switch (kind)
    {
    case TERRIND_PY_PHASE:      return terrind_phase_get_registry (handle);
    case TERRIND_PY_REGION:     return terrind_region_get_registry (handle);
    case TERRIND_PY_TERRITORY:  return terrind_territory_get_registry (handle);
    case TERRIND_PY_OPERATOR:   return terrind_operator_get_registry (handle);
    case TERRIND_PY_CONVENTION: return terrind_convention_get_registry (handle);
    case TERRIND_PY_COMMITMENT: return terrind_commitment_get_registry (handle);
    case TERRIND_PY_REFERENT:   return terrind_referent_get_registry (handle);
    case TERRIND_PY_DESIGNATION: return terrind_designation_get_registry (handle);
    case TERRIND_PY_INVESTMENT: return terrind_investment_get_registry (handle);
    case TERRIND_PY_N_KINDS:
    default:                    break;
    }
  g_return_val_if_reached (NULL);
}

const char *
terrind_py_entity_id (TerrindPyKind kind,
                      gconstpointer handle)
{
  switch (kind)
    {
    /* A phase's key is its number; the model keeps its text form. */
    case TERRIND_PY_PHASE:      return terrind_kind_get_entity_id (terrind_py_kind_description (kind), handle);
    case TERRIND_PY_REGION:     return terrind_region_get_code (handle);
    case TERRIND_PY_TERRITORY:  return terrind_territory_get_id (handle);
    case TERRIND_PY_OPERATOR:   return terrind_operator_get_id (handle);
    case TERRIND_PY_CONVENTION: return terrind_convention_get_id (handle);
    case TERRIND_PY_COMMITMENT: return terrind_commitment_get_id (handle);
    case TERRIND_PY_REFERENT:   return terrind_referent_get_id (handle);
    case TERRIND_PY_DESIGNATION: return terrind_designation_get_id (handle);
    case TERRIND_PY_INVESTMENT: return terrind_investment_get_id (handle);
    case TERRIND_PY_N_KINDS:
    default:                    break;
    }
  g_return_val_if_reached (NULL);
}

gboolean
terrind_py_kind_equal (TerrindPyKind kind,
                       gconstpointer a,
                       gconstpointer b)
{
  switch (kind)
    {
    case TERRIND_PY_PHASE:      return terrind_phase_equal (a, b);
    case TERRIND_PY_REGION:     return terrind_region_equal (a, b);
    case TERRIND_PY_TERRITORY:  return terrind_territory_equal (a, b);
    case TERRIND_PY_OPERATOR:   return terrind_operator_equal (a, b);
    case TERRIND_PY_CONVENTION: return terrind_convention_equal (a, b);
    case TERRIND_PY_COMMITMENT: return terrind_commitment_equal (a, b);
    case TERRIND_PY_REFERENT:   return terrind_referent_equal (a, b);
    case TERRIND_PY_DESIGNATION: return terrind_designation_equal (a, b);
    case TERRIND_PY_INVESTMENT: return terrind_investment_equal (a, b);
    case TERRIND_PY_N_KINDS:
    default:                    break;
    }
  g_return_val_if_reached (FALSE);
}

/* Every wrapper is made here. @handle is the caller's reference, which
 * the wrapper takes over (or releases on failure). */
static PyObject *
entity_alloc (PyTypeObject  *type,
              TerrindPyKind  kind,
              gpointer       handle,
              PyObject      *owner)
{
  TerrindPyEntity *self = (TerrindPyEntity *) type->tp_alloc (type, 0);

  if (self == NULL)
    {
      terrind_py_kind_unref (kind, handle);
      return NULL;
    }
  self->kind = kind;
  self->handle = handle;
  Py_XINCREF (owner);
  self->owner = owner;
  return (PyObject *) self;
}

/*
 * terrind_py_entity_wrap_take:
 * @handle: (transfer full): a reference to the C object, which the wrapper
 *   takes over; released on failure
 * @owner: (nullable): the Python object @handle was reached through
 *
 * Returns: (transfer full): a new wrapper, or NULL with an exception set.
 */
PyObject *
terrind_py_entity_wrap_take (TerrindPyState *state,
                             TerrindPyKind   kind,
                             gpointer        handle,
                             PyObject       *owner)
{
  PyTypeObject *type = state->types[kind];

  if (type == NULL)
    {
      terrind_py_kind_unref (kind, handle);
      PyErr_SetString (PyExc_RuntimeError, "the terrind module is shutting down");
      return NULL;
    }
  return entity_alloc (type, kind, handle, owner);
}

/*
 * terrind_py_entity_wrap:
 * @handle: (transfer none): the C object, straight from the C call that
 *   returned it (or held by the caller): the reference is taken first,
 *   before the allocation that could run a finalizer that frees it
 *
 * Returns: (transfer full): a new wrapper, or NULL with an exception set.
 */
PyObject *
terrind_py_entity_wrap (TerrindPyState *state,
                        TerrindPyKind   kind,
                        gpointer        handle,
                        PyObject       *owner)
{
  return terrind_py_entity_wrap_take (state, kind, terrind_py_kind_ref (kind, handle), owner);
}

/*
 * terrind_py_entity_new_owned:
 * @handle: (transfer full): a new C object, owned by nothing else
 *
 * What the keyword constructors return: a wrapper of an entity that
 * belongs to no registry yet. On failure @handle is released.
 */
PyObject *
terrind_py_entity_new_owned (PyTypeObject  *type,
                             TerrindPyKind  kind,
                             gpointer       handle)
{
  return entity_alloc (type, kind, handle, NULL);
}

/*
 * terrind_py_entity_handle:
 *
 * The C object behind @object when it is a usable wrapper of @kind.
 *
 * Returns: (transfer none): the handle, or NULL with an exception set.
 */
gpointer
terrind_py_entity_handle (TerrindPyState  *state,
                          TerrindPyKind    kind,
                          PyObject        *object,
                          const char      *what,
                          TerrindPyAccess  access)
{
  PyTypeObject *type = state->types[kind];

  if (type == NULL || !PyObject_TypeCheck (object, type))
    {
      PyErr_Format (PyExc_TypeError, "%s must be a %s, not %.100s", what,
                    type != NULL ? type->tp_name : "terrind entity",
                    Py_TYPE (object)->tp_name);
      return NULL;
    }
  if (terrind_py_entity_check ((TerrindPyEntity *) object, access) < 0)
    return NULL;
  return ((TerrindPyEntity *) object)->handle;
}

/* Once an entity is added to a registry or a convention, its wrapper
 * follows that owner: closing the registry then invalidates it too. */
void
terrind_py_entity_set_owner (TerrindPyEntity *self,
                             PyObject        *owner)
{
  PyObject *old = self->owner;

  Py_XINCREF (owner);
  self->owner = owner;
  Py_XDECREF (old);
}

void
terrind_py_entity_dealloc (PyObject *object)
{
  TerrindPyEntity *self = (TerrindPyEntity *) object;
  PyTypeObject *type = Py_TYPE (object);

  PyObject_GC_UnTrack (object);
  Py_CLEAR (self->owner);
  if (self->handle != NULL)
    {
      /* Only the C reference is dropped: nothing here needs the module
       * state, which may already be gone at interpreter shutdown. */
      terrind_py_kind_unref (self->kind, self->handle);
      self->handle = NULL;
    }
  type->tp_free (object);
  Py_DECREF (type);
}

int
terrind_py_entity_traverse (PyObject  *object,
                            visitproc  visit,
                            void      *arg)
{
  TerrindPyEntity *self = (TerrindPyEntity *) object;

  Py_VISIT (Py_TYPE (object));
  Py_VISIT (self->owner);
  return 0;
}

int
terrind_py_entity_clear (PyObject *object)
{
  TerrindPyEntity *self = (TerrindPyEntity *) object;

  /* The C reference stays until dealloc, so a wrapper reached from
   * another finalizer of the same garbage cycle still reads valid memory. */
  Py_CLEAR (self->owner);
  return 0;
}

/* Entities compare by value, with the C library's own equality; they are
 * mutable, hence unhashable (the specs set no tp_hash but __eq__). */
PyObject *
terrind_py_entity_richcompare (PyObject *a,
                               PyObject *b,
                               int       op)
{
  TerrindPyEntity *ea = (TerrindPyEntity *) a;
  TerrindPyEntity *eb = (TerrindPyEntity *) b;
  gboolean equal;

  if ((op != Py_EQ && op != Py_NE) || Py_TYPE (a) != Py_TYPE (b))
    Py_RETURN_NOTIMPLEMENTED;
  if (terrind_py_entity_check (ea, TERRIND_PY_READ) < 0 ||
      terrind_py_entity_check (eb, TERRIND_PY_READ) < 0)
    return NULL;
  equal = ea->handle == eb->handle || terrind_py_kind_equal (ea->kind, ea->handle, eb->handle);
  if (equal == (op == Py_EQ))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

/* A repr never raises: an entity of a closed registry says so. */
PyObject *
terrind_py_entity_repr_unusable (PyObject *self)
{
  PyErr_Clear ();
  return PyUnicode_FromFormat ("<%s of a closed or busy registry>",
                               Py_TYPE (self)->tp_name);
}
