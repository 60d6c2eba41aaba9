/* terrind-py-collection.c: terrind.Collection and terrind.CollectionIterator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * A Collection is a live view: it holds its owner (a Registry, or a
 * Convention for its commitments) and asks the C library on every call,
 * so it always shows the current content. It is a read-write mapping from
 * ids (a phase's number) to entities, registered as a
 * collections.abc.Mapping by terrind/__init__.py, which also defines the
 * classes of its keys(), values() and items() views (subclasses of the
 * collections.abc views, given to the module by _set_views()).
 *
 * An iterator instead takes a snapshot, with a C reference on every
 * element: removing entities while iterating is allowed and never frees
 * what the iterator will return. It yields the keys, the entities or the
 * (key, entity) pairs.
 */

typedef enum {
  ITER_KEYS,
  ITER_VALUES,
  ITER_ITEMS,
} IterWhat;

typedef struct {
  PyObject_HEAD
  PyObject      *owner;
  TerrindPyView  view;
} TerrindPyCollection;

typedef struct {
  PyObject_HEAD
  PyObject      *owner;
  TerrindPyKind  kind;
  IterWhat       what;
  GPtrArray     *items;   /* one C reference per element, released with it */
  guint          index;
} TerrindPyIterator;

static const struct {
  TerrindPyKind  kind;
  const char    *plural;
} views[] = {
  [TERRIND_PY_VIEW_PHASES]      = { TERRIND_PY_PHASE,      "phases" },
  [TERRIND_PY_VIEW_REGIONS]     = { TERRIND_PY_REGION,     "regions" },
  [TERRIND_PY_VIEW_TERRITORIES] = { TERRIND_PY_TERRITORY,  "territories" },
  [TERRIND_PY_VIEW_OPERATORS]   = { TERRIND_PY_OPERATOR,   "operators" },
  [TERRIND_PY_VIEW_CONVENTIONS] = { TERRIND_PY_CONVENTION, "conventions" },
  [TERRIND_PY_VIEW_REFERENTS]   = { TERRIND_PY_REFERENT,   "referents" },
  [TERRIND_PY_VIEW_DESIGNATIONS] = { TERRIND_PY_DESIGNATION, "designations" },
  [TERRIND_PY_VIEW_INVESTMENTS] = { TERRIND_PY_INVESTMENT, "investments" },
  [TERRIND_PY_VIEW_COMMITMENTS] = { TERRIND_PY_COMMITMENT, "commitments" },
};

#define COLLECTION(self) ((TerrindPyCollection *) (self))

/* Views and iterators only come from their owner; Python 3.9 has no
 * Py_TPFLAGS_DISALLOW_INSTANTIATION, so refuse in tp_new. */
static PyObject *
refuse_new (PyTypeObject *type,
            PyObject     *args,
            PyObject     *kwargs)
{
  PyErr_Format (PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
  return NULL;
}

PyObject *
terrind_py_collection_new (TerrindPyState *state,
                           PyObject       *owner,
                           TerrindPyView   view)
{
  TerrindPyCollection *self;

  self = (TerrindPyCollection *) state->collection_type->tp_alloc (state->collection_type, 0);
  if (self == NULL)
    return NULL;
  Py_INCREF (owner);
  self->owner = owner;
  self->view = view;
  return (PyObject *) self;
}

/*
 * terrind_py_list_to_python:
 * @held: (transfer none): elements of @kind, each with a reference that
 *   @held owns (see terrind_py_kind_ref_all()): allocating the list can
 *   run a finalizer that removes them from their registry
 *
 * Returns: (transfer full): a list of new wrappers owned by @owner.
 */
PyObject *
terrind_py_list_to_python (TerrindPyState *state,
                           TerrindPyKind   kind,
                           GPtrArray      *held,
                           PyObject       *owner)
{
  PyObject *list = PyList_New (held->len);
  guint i;

  if (list == NULL)
    return NULL;
  for (i = 0; i < held->len; i++)
    {
      PyObject *item = terrind_py_entity_wrap (state, kind, g_ptr_array_index (held, i), owner);

      if (item == NULL)
        {
          Py_DECREF (list);
          return NULL;
        }
      PyList_SET_ITEM (list, i, item);
    }
  return list;
}

/* Checks the view is usable for @access; @registry or @convention is set
 * by view. Both are borrowed: nothing may allocate before they are used. */
static int
collection_resolve (TerrindPyCollection *self,
                    TerrindPyAccess      access,
                    TerrindRegistry    **registry,
                    TerrindConvention  **convention)
{
  *registry = NULL;
  *convention = NULL;
  if (terrind_py_check_owner (self->owner, access) < 0)
    return -1;
  if (self->view == TERRIND_PY_VIEW_COMMITMENTS)
    *convention = ((TerrindPyEntity *) self->owner)->handle;
  else
    *registry = ((TerrindPyRegistry *) self->owner)->registry;
  return 0;
}

static Py_ssize_t
collection_len (PyObject *object)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindRegistry *registry;
  TerrindConvention *convention;

  if (collection_resolve (self, TERRIND_PY_READ, &registry, &convention) < 0)
    return -1;
  switch (self->view)
    {
    case TERRIND_PY_VIEW_PHASES:      return terrind_registry_get_n_phases (registry);
    case TERRIND_PY_VIEW_REGIONS:     return terrind_registry_get_n_regions (registry);
    case TERRIND_PY_VIEW_TERRITORIES: return terrind_registry_get_n_territories (registry);
    case TERRIND_PY_VIEW_OPERATORS:   return terrind_registry_get_n_operators (registry);
    case TERRIND_PY_VIEW_CONVENTIONS: return terrind_registry_get_n_conventions (registry);
    case TERRIND_PY_VIEW_REFERENTS:   return terrind_registry_get_n_referents (registry);
    case TERRIND_PY_VIEW_DESIGNATIONS: return terrind_registry_get_n_designations (registry);
    case TERRIND_PY_VIEW_INVESTMENTS: return terrind_registry_get_n_investments (registry);
    case TERRIND_PY_VIEW_COMMITMENTS: return terrind_convention_get_n_commitments (convention);
    default:                          break;
    }
  g_return_val_if_reached (0);
}

/* Returns: (transfer none) (nullable): the element with @id, NULL if none
 * (with no exception set) or on error (with one set). */
static gpointer
collection_lookup (TerrindPyCollection *self,
                   const char          *id)
{
  TerrindRegistry *registry;
  TerrindConvention *convention;

  if (collection_resolve (self, TERRIND_PY_READ, &registry, &convention) < 0)
    return NULL;
  switch (self->view)
    {
    /* By the number's text form, as the model names a phase. */
    case TERRIND_PY_VIEW_PHASES:      return terrind_registry_lookup (registry, terrind_py_kind_description (TERRIND_PY_PHASE), id);
    case TERRIND_PY_VIEW_REGIONS:     return terrind_registry_get_region (registry, id);
    case TERRIND_PY_VIEW_TERRITORIES: return terrind_registry_get_territory (registry, id);
    case TERRIND_PY_VIEW_OPERATORS:   return terrind_registry_get_operator (registry, id);
    case TERRIND_PY_VIEW_CONVENTIONS: return terrind_registry_get_convention (registry, id);
    case TERRIND_PY_VIEW_REFERENTS:   return terrind_registry_get_referent (registry, id);
    case TERRIND_PY_VIEW_DESIGNATIONS: return terrind_registry_get_designation (registry, id);
    case TERRIND_PY_VIEW_INVESTMENTS: return terrind_registry_get_investment (registry, id);
    case TERRIND_PY_VIEW_COMMITMENTS: return terrind_convention_lookup_commitment (convention, id);
    default:                          break;
    }
  g_return_val_if_reached (NULL);
}

/* A snapshot of the elements, each with its own C reference, taken before
 * anything can allocate. */
static GPtrArray *
collection_snapshot (TerrindPyCollection *self)
{
  TerrindRegistry *registry;
  TerrindConvention *convention;
  TerrindPyKind kind = views[self->view].kind;
  g_autoptr(GPtrArray) listing = NULL;
  guint i;

  if (collection_resolve (self, TERRIND_PY_READ, &registry, &convention) < 0)
    return NULL;
  switch (self->view)
    {
    case TERRIND_PY_VIEW_PHASES:      listing = terrind_registry_list_phases (registry); break;
    case TERRIND_PY_VIEW_REGIONS:     listing = terrind_registry_list_regions (registry); break;
    case TERRIND_PY_VIEW_TERRITORIES: listing = terrind_registry_list_territories (registry); break;
    case TERRIND_PY_VIEW_OPERATORS:   listing = terrind_registry_list_operators (registry); break;
    case TERRIND_PY_VIEW_CONVENTIONS: listing = terrind_registry_list_conventions (registry); break;
    case TERRIND_PY_VIEW_REFERENTS:   listing = terrind_registry_list_referents (registry); break;
    case TERRIND_PY_VIEW_DESIGNATIONS: listing = terrind_registry_list_designations (registry); break;
    case TERRIND_PY_VIEW_INVESTMENTS: listing = terrind_registry_list_investments (registry); break;
    case TERRIND_PY_VIEW_COMMITMENTS:
      listing = g_ptr_array_new ();
      for (i = 0; i < terrind_convention_get_n_commitments (convention); i++)
        g_ptr_array_add (listing, terrind_convention_get_commitment (convention, i));
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  terrind_py_kind_ref_all (kind, listing);
  return g_steal_pointer (&listing);
}

static PyObject *
collection_iter_what (PyObject *object,
                      IterWhat  what)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  TerrindPyIterator *iter;
  GPtrArray *items = collection_snapshot (self);

  if (items == NULL)
    return NULL;
  iter = (TerrindPyIterator *) state->iterator_type->tp_alloc (state->iterator_type, 0);
  if (iter == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  Py_INCREF (self->owner);
  iter->owner = self->owner;
  iter->kind = views[self->view].kind;
  iter->what = what;
  iter->items = items;
  iter->index = 0;
  return (PyObject *) iter;
}

/* Iteration yields the keys, as a Mapping's does. */
static PyObject *
collection_iter (PyObject *object)
{
  return collection_iter_what (object, ITER_KEYS);
}

static PyObject *
collection_iter_values (PyObject *object,
                        PyObject *unused)
{
  return collection_iter_what (object, ITER_VALUES);
}

static PyObject *
collection_iter_items (PyObject *object,
                       PyObject *unused)
{
  return collection_iter_what (object, ITER_ITEMS);
}

/* Phases are looked up by number: an int key becomes the number's text
 * form, the key the model gives a phase, in @buffer. Converting an int
 * allocates nothing. Returns 1 with *@id set, 0 when @key is not an int
 * (a bool is not) or the view is not of phases, -1 with an exception set. */
#define KEY_BUFFER_SIZE 24

static int
phase_number_key (TerrindPyCollection *self,
                  PyObject            *key,
                  char                 buffer[KEY_BUFFER_SIZE],
                  const char         **id)
{
  long long number;
  int overflow = 0;

  if (self->view != TERRIND_PY_VIEW_PHASES || !PyLong_Check (key) || PyBool_Check (key))
    return 0;
  number = PyLong_AsLongLongAndOverflow (key, &overflow);
  if (number == -1 && PyErr_Occurred ())
    return -1;
  /* No phase has a negative or huge number, nor does "-1" name one. */
  if (overflow != 0 || number < 0)
    number = -1;
  g_snprintf (buffer, KEY_BUFFER_SIZE, "%lld", number);
  *id = buffer;
  return 1;
}

static PyObject *
collection_getitem (PyObject *object,
                    PyObject *key)
{
  TerrindPyCollection *self = COLLECTION (object);
  char buffer[KEY_BUFFER_SIZE];
  const char *id;
  gpointer found;
  int is_number = phase_number_key (self, key, buffer, &id);

  if (is_number < 0)
    return NULL;
  if (is_number == 0 && !PyUnicode_Check (key))
    {
      if (self->view == TERRIND_PY_VIEW_PHASES)
        PyErr_Format (PyExc_TypeError, "phases are looked up by number (an int or a str), not %.100s",
                      Py_TYPE (key)->tp_name);
      else
        PyErr_Format (PyExc_TypeError, "%s are looked up by id (a str), not %.100s",
                      views[self->view].plural, Py_TYPE (key)->tp_name);
      return NULL;
    }
  if (is_number == 0 && terrind_py_to_utf8 (key, FALSE, "id", &id) < 0)
    return NULL;
  found = collection_lookup (self, id);
  if (found == NULL)
    {
      if (!PyErr_Occurred ())
        PyErr_SetObject (PyExc_KeyError, key);
      return NULL;
    }
  return terrind_py_entity_wrap (terrind_py_state_of (object), views[self->view].kind,
                                 found, self->owner);
}

/* "key in view": an id (str) that is present, or for phases a number
 * (int or its text). An entity is unhashable, so, as for a dict, asking
 * for one is a TypeError (in 1.0 it tested the entity: the message says
 * what to write now). Anything else is simply not in it. */
static int
collection_contains (PyObject *object,
                     PyObject *item)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  char buffer[KEY_BUFFER_SIZE];
  const char *id;
  gpointer found;
  int is_number = phase_number_key (self, item, buffer, &id);
  gsize k;

  if (is_number < 0)
    return -1;
  if (is_number == 0 && PyUnicode_Check (item) &&
      terrind_py_to_utf8 (item, FALSE, "id", &id) < 0)
    {
      /* An id that cannot be passed to C cannot be in the registry,
       * but a closed registry must still say so. */
      PyErr_Clear ();
      return collection_len (object) < 0 ? -1 : 0;
    }
  if (is_number > 0 || PyUnicode_Check (item))
    {
      found = collection_lookup (self, id);
      if (found == NULL)
        return PyErr_Occurred () ? -1 : 0;
      return 1;
    }
  for (k = 0; k < TERRIND_PY_N_KINDS; k++)
    if (state->types[k] != NULL && Py_TYPE (item) == state->types[k])
      {
        PyErr_Format (PyExc_TypeError,
                      "unhashable type: '%.100s' (a collection holds ids: "
                      "test x.id in it, or x in its values())",
                      Py_TYPE (item)->tp_name);
        return -1;
      }
  if (collection_len (object) < 0)
    return -1;
  return 0;
}

static PyObject *
collection_get (PyObject *object,
                PyObject *args,
                PyObject *kwargs)
{
  static const char *const keywords[] = { "id", "default", NULL };
  PyObject *key;
  PyObject *fallback = Py_None;
  PyObject *result;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|O:get", TERRIND_PY_KEYWORDS (keywords),
                                    &key, &fallback))
    return NULL;
  result = collection_getitem (object, key);
  if (result == NULL && PyErr_ExceptionMatches (PyExc_KeyError))
    {
      PyErr_Clear ();
      return terrind_py_new_ref (fallback);
    }
  return result;
}

static PyObject *
collection_add (PyObject *object,
                PyObject *args,
                PyObject *kwargs)
{
  static const char *const keywords[] = { "entity", NULL };
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  TerrindPyKind kind = views[self->view].kind;
  PyObject *entity;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O:add", TERRIND_PY_KEYWORDS (keywords), &entity))
    return NULL;

  if (state->types[kind] == NULL || Py_TYPE (entity) != state->types[kind])
    {
      PyErr_Format (PyExc_TypeError, "only a %s can be added to %s, not %.100s",
                    state->types[kind] != NULL ? state->types[kind]->tp_name : "?",
                    views[self->view].plural, Py_TYPE (entity)->tp_name);
      return NULL;
    }
  if (self->view == TERRIND_PY_VIEW_COMMITMENTS)
    {
      g_autoptr(GError) error = NULL;
      TerrindRegistry *registry;
      TerrindConvention *convention;

      if (collection_resolve (self, TERRIND_PY_WRITE, &registry, &convention) < 0 ||
          terrind_py_entity_check ((TerrindPyEntity *) entity, TERRIND_PY_WRITE) < 0)
        return NULL;
      if (!terrind_convention_add_commitment (convention, ((TerrindPyEntity *) entity)->handle, &error))
        return terrind_py_raise_gerror (state, error);
      terrind_py_entity_set_owner ((TerrindPyEntity *) entity, self->owner);
      Py_RETURN_NONE;
    }
  if (terrind_py_registry_add (self->owner, entity) < 0)
    return NULL;
  Py_RETURN_NONE;
}

/* Removes the element of @key through the library's checked removal (an
 * entity still referenced is InUseError unless @cascade). @key is
 * converted before the registry is looked up: nothing can run between
 * that and the C call. Returns 0, or -1 with an exception set; with
 * @missing_is_key_error, a missing element is a KeyError, as for [key]. */
static int
collection_remove_key (PyObject *object,
                       PyObject *key,
                       gboolean  cascade,
                       gboolean  missing_is_key_error)
{
  TerrindPyCollection *self = COLLECTION (object);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;
  TerrindConvention *convention;
  TerrindRemoveFlags flags;
  char buffer[KEY_BUFFER_SIZE];
  const char *id;
  int is_number;
  gboolean ok = FALSE;

  is_number = phase_number_key (self, key, buffer, &id);
  if (is_number < 0 ||
      (is_number == 0 && terrind_py_to_utf8 (key, FALSE, "id", &id) < 0) ||
      collection_resolve (self, TERRIND_PY_WRITE, &registry, &convention) < 0)
    return -1;
  if (cascade && self->view != TERRIND_PY_VIEW_TERRITORIES && self->view != TERRIND_PY_VIEW_OPERATORS &&
      self->view != TERRIND_PY_VIEW_CONVENTIONS)
    {
      PyErr_Format (PyExc_TypeError, "removing %s has no cascade", views[self->view].plural);
      return -1;
    }
  flags = cascade ? TERRIND_REMOVE_CASCADE : TERRIND_REMOVE_NONE;
  switch (self->view)
    {
    case TERRIND_PY_VIEW_PHASES:
      ok = terrind_registry_remove (registry, terrind_py_kind_description (TERRIND_PY_PHASE), id,
                                    flags, &error);
      break;
    case TERRIND_PY_VIEW_REGIONS:
      ok = terrind_registry_remove_region (registry, id, &error);
      break;
    case TERRIND_PY_VIEW_TERRITORIES:
      ok = terrind_registry_remove_territory (registry, id, flags, &error);
      break;
    case TERRIND_PY_VIEW_OPERATORS:
      ok = terrind_registry_remove_operator (registry, id, flags, &error);
      break;
    case TERRIND_PY_VIEW_CONVENTIONS:
      ok = terrind_registry_remove_convention_full (registry, id, flags, &error);
      break;
    case TERRIND_PY_VIEW_REFERENTS:
      ok = terrind_registry_remove_referent (registry, id, &error);
      break;
    case TERRIND_PY_VIEW_DESIGNATIONS:
      ok = terrind_registry_remove_designation (registry, id, &error);
      break;
    case TERRIND_PY_VIEW_INVESTMENTS:
      ok = terrind_registry_remove_investment (registry, id, &error);
      break;
    case TERRIND_PY_VIEW_COMMITMENTS:
      ok = terrind_convention_remove_commitment (convention, id, &error);
      break;
    default:
      g_return_val_if_reached (-1);
    }
  if (ok)
    return 0;
  if (missing_is_key_error && g_error_matches (error, TERRIND_ERROR, TERRIND_ERROR_NOT_FOUND))
    {
      PyErr_SetObject (PyExc_KeyError, key);
      return -1;
    }
  terrind_py_raise_gerror (terrind_py_state_of (object), error);
  return -1;
}

static PyObject *
collection_remove (PyObject *object,
                   PyObject *args,
                   PyObject *kwargs)
{
  static const char *const keywords[] = { "id", "cascade", NULL };
  PyObject *key;
  int cascade = FALSE;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|$p:remove", TERRIND_PY_KEYWORDS (keywords),
                                    &key, &cascade) ||
      collection_remove_key (object, key, cascade, FALSE) < 0)
    return NULL;
  Py_RETURN_NONE;
}

/* "del view[id]": remove() without cascade; assigning is refused, since an
 * entity is added under its own id (add()). */
static int
collection_ass_subscript (PyObject *object,
                          PyObject *key,
                          PyObject *value)
{
  if (value != NULL)
    {
      PyErr_Format (PyExc_TypeError, "%s cannot be assigned to: use add()",
                    views[COLLECTION (object)->view].plural);
      return -1;
    }
  return collection_remove_key (object, key, FALSE, TRUE);
}

/* The Python key of an element: its id, or a phase's number as an int
 * (the key reg.phases[n] takes). */
static PyObject *
key_to_python (TerrindPyKind  kind,
               const char    *id)
{
  if (kind == TERRIND_PY_PHASE)
    return PyLong_FromString (id, NULL, 10);
  return PyUnicode_DecodeUTF8 (id, strlen (id), "strict");
}

PyObject *
terrind_py_set_views (PyObject *module,
                      PyObject *args)
{
  TerrindPyState *state = PyModule_GetState (module);
  PyObject *classes[G_N_ELEMENTS (state->views)];
  gsize i;

  if (!PyArg_UnpackTuple (args, "_set_views", 3, 3, &classes[0], &classes[1], &classes[2]))
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (classes); i++)
    if (!PyCallable_Check (classes[i]))
      {
        PyErr_SetString (PyExc_TypeError, "_set_views() takes three classes");
        return NULL;
      }
  for (i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      Py_INCREF (classes[i]);
      Py_XSETREF (state->views[i], classes[i]);
    }
  Py_RETURN_NONE;
}

/* keys(), values(), items(): live views, of the classes terrind/__init__.py
 * gave to _set_views() (subclasses of collections.abc.KeysView, ValuesView
 * and ItemsView that iterate with _iter_values() and _iter_items()). */
static PyObject *
collection_view (PyObject *object,
                 IterWhat  what)
{
  TerrindPyState *state = terrind_py_state_of (object);

  /* A closed registry's views are refused at once, as everything else. */
  if (collection_len (object) < 0)
    return NULL;
  if (state->views[what] == NULL)
    {
      PyErr_SetString (PyExc_RuntimeError,
                       "the collection views are made by the terrind package: import terrind");
      return NULL;
    }
  return PyObject_CallFunctionObjArgs (state->views[what], object, NULL);
}

static PyObject *
collection_keys (PyObject *object,
                 PyObject *unused)
{
  return collection_view (object, ITER_KEYS);
}

static PyObject *
collection_values (PyObject *object,
                   PyObject *unused)
{
  return collection_view (object, ITER_VALUES);
}

static PyObject *
collection_items (PyObject *object,
                  PyObject *unused)
{
  return collection_view (object, ITER_ITEMS);
}

/* A dict of the collection, from one snapshot (so a finalizer that
 * removes an entity meanwhile cannot make a key miss its value). */
static PyObject *
collection_to_dict (PyObject *object)
{
  PyObject *items = collection_iter_what (object, ITER_ITEMS);
  PyObject *dict;

  if (items == NULL)
    return NULL;
  dict = PyDict_New ();
  if (dict != NULL && PyDict_MergeFromSeq2 (dict, items, 1) < 0)
    Py_CLEAR (dict);
  Py_DECREF (items);
  return dict;
}

/* Equality as a Mapping's: the same keys with equal entities (entities
 * compare by value). Two views of the same thing are equal at once; a
 * dict or another collection is compared as a dict; anything else is
 * NotImplemented (so not equal). Collections are mutable: unhashable. */
static PyObject *
collection_richcompare (PyObject *a,
                        PyObject *b,
                        int       op)
{
  PyObject *left = NULL;
  PyObject *right = NULL;
  PyObject *result = NULL;

  if ((op != Py_EQ && op != Py_NE) ||
      (Py_TYPE (b) != Py_TYPE (a) && !PyDict_Check (b)))
    Py_RETURN_NOTIMPLEMENTED;
  if (Py_TYPE (b) == Py_TYPE (a) && COLLECTION (a)->owner == COLLECTION (b)->owner &&
      COLLECTION (a)->view == COLLECTION (b)->view)
    {
      /* Still refuse a closed registry, as every other use does. */
      if (collection_len (a) < 0)
        return NULL;
      return PyBool_FromLong (op == Py_EQ);
    }
  left = collection_to_dict (a);
  if (left == NULL)
    return NULL;
  right = PyDict_Check (b) ? terrind_py_new_ref (b) : collection_to_dict (b);
  if (right != NULL)
    result = PyObject_RichCompare (left, right, op);
  Py_DECREF (left);
  Py_XDECREF (right);
  return result;
}

static PyObject *
collection_replace (PyObject *object,
                    PyObject *args,
                    PyObject *kwargs)
{
  static const char *const keywords[] = { "referent", NULL };
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;
  TerrindConvention *convention;
  TerrindReferent *handle;
  PyObject *referent;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O:replace", TERRIND_PY_KEYWORDS (keywords), &referent))
    return NULL;

  if (self->view != TERRIND_PY_VIEW_REFERENTS)
    {
      PyErr_Format (PyExc_TypeError, "only referents can be replaced, not %s",
                    views[self->view].plural);
      return NULL;
    }
  if (collection_resolve (self, TERRIND_PY_WRITE, &registry, &convention) < 0)
    return NULL;
  handle = terrind_py_entity_handle (state, TERRIND_PY_REFERENT, referent, "referent",
                                     TERRIND_PY_WRITE);
  if (handle == NULL)
    return NULL;
  if (!terrind_registry_replace_referent (registry, handle, &error))
    return terrind_py_raise_gerror (state, error);
  terrind_py_entity_set_owner ((TerrindPyEntity *) referent, self->owner);
  Py_RETURN_NONE;
}

static PyObject *
collection_repr (PyObject *object)
{
  TerrindPyCollection *self = COLLECTION (object);
  Py_ssize_t n = collection_len (object);

  if (n < 0)
    {
      PyErr_Clear ();
      return PyUnicode_FromFormat ("<terrind.Collection of %s of a closed or busy registry>", views[self->view].plural);
    }
  return PyUnicode_FromFormat ("<terrind.Collection of %zd %s>", n, views[self->view].plural);
}

static void
collection_dealloc (PyObject *object)
{
  PyTypeObject *type = Py_TYPE (object);

  PyObject_GC_UnTrack (object);
  Py_CLEAR (COLLECTION (object)->owner);
  type->tp_free (object);
  Py_DECREF (type);
}

static int
collection_traverse (PyObject  *object,
                     visitproc  visit,
                     void      *arg)
{
  Py_VISIT (Py_TYPE (object));
  Py_VISIT (COLLECTION (object)->owner);
  return 0;
}

static int
collection_clear (PyObject *object)
{
  Py_CLEAR (COLLECTION (object)->owner);
  return 0;
}

static PyMethodDef collection_methods[] = {
  { "get", (PyCFunction) (void (*) (void)) collection_get, METH_VARARGS | METH_KEYWORDS,
    "get($self, /, id, default=None)\n--\n\nThe element with this id, or default." },
  { "keys", collection_keys, METH_NOARGS,
    "keys($self, /)\n--\n\n"
    "A live view of the ids, in id order (a phase's key is its number);\n"
    "a set, as a dict's keys() is." },
  { "values", collection_values, METH_NOARGS,
    "values($self, /)\n--\n\nA live view of the entities, in id order." },
  { "items", collection_items, METH_NOARGS,
    "items($self, /)\n--\n\nA live view of the (id, entity) pairs, in id order." },
  { "_iter_values", collection_iter_values, METH_NOARGS,
    "_iter_values($self, /)\n--\n\nAn iterator over a snapshot of the entities (for values())." },
  { "_iter_items", collection_iter_items, METH_NOARGS,
    "_iter_items($self, /)\n--\n\nAn iterator over a snapshot of the pairs (for items())." },
  { "add", (PyCFunction) (void (*) (void)) collection_add, METH_VARARGS | METH_KEYWORDS,
    "add($self, /, entity)\n--\n\n"
    "Add an entity of this collection's type; nothing changes if it fails." },
  { "remove", (PyCFunction) (void (*) (void)) collection_remove, METH_VARARGS | METH_KEYWORDS,
    "remove($self, /, id, *, cascade=False)\n--\n\n"
    "Remove the element with this id (NotFoundError if there is none).\n"
    "An entity still referenced is not removed (InUseError) unless\n"
    "cascade=True (territories, operators and conventions only), which also removes what\n"
    "references it." },
  { "replace", (PyCFunction) (void (*) (void)) collection_replace, METH_VARARGS | METH_KEYWORDS,
    "replace($self, /, referent)\n--\n\n"
    "Referents only: put this referent in place of the one the registry\n"
    "has for the same (operator, territory)." },
  { NULL, NULL, 0, NULL },
};

static PyType_Slot collection_slots[] = {
  { Py_tp_doc, (void *)
    "A live view of the entities of one kind in a registry, or of the\n"
    "commitments of a convention, as a collections.abc.Mapping from ids (a\n"
    "phase's number) to entities: len(), iteration over the ids (in id\n"
    "order, over a snapshot), 'in' (an id), [id] (KeyError when missing),\n"
    "get(), keys(), values(), items() (live views), == (same ids, equal\n"
    "entities), del [id], add(), remove() and, for referents, replace()." },
  { Py_tp_new, refuse_new },
  { Py_tp_dealloc, collection_dealloc },
  { Py_tp_traverse, collection_traverse },
  { Py_tp_clear, collection_clear },
  { Py_tp_repr, collection_repr },
  { Py_tp_richcompare, collection_richcompare },
  { Py_tp_iter, collection_iter },
  { Py_mp_length, collection_len },
  { Py_mp_subscript, collection_getitem },
  { Py_mp_ass_subscript, collection_ass_subscript },
  { Py_sq_length, collection_len },
  { Py_sq_contains, collection_contains },
  { Py_tp_methods, collection_methods },
  { 0, NULL },
};

PyType_Spec terrind_py_collection_spec = {
  .name = "terrind.Collection",
  .basicsize = sizeof (TerrindPyCollection),
  /* Not instantiable from Python: views come from their owner. */
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = collection_slots,
};

/* The iterator. */

#define ITERATOR(self) ((TerrindPyIterator *) (self))

static PyObject *
iterator_next (PyObject *object)
{
  TerrindPyIterator *self = ITERATOR (object);
  g_autofree char *id = NULL;
  PyObject *value = NULL;
  PyObject *key;
  PyObject *pair;
  gpointer item;

  if (self->items == NULL)
    return NULL;
  if (terrind_py_check_owner (self->owner, TERRIND_PY_READ) < 0)
    return NULL;
  if (self->index >= self->items->len)
    {
      /* Exhausted: let the elements go now rather than with the iterator. */
      g_clear_pointer (&self->items, g_ptr_array_unref);
      return NULL;
    }
  /* The array holds a reference on the element only until the iterator is
   * exhausted, which a finalizer run by an allocation below may do: the
   * key is copied and the wrapper takes its own reference before anything
   * allocates. */
  item = g_ptr_array_index (self->items, self->index++);
  if (self->what == ITER_VALUES)
    return terrind_py_entity_wrap (terrind_py_state_of (object), self->kind, item, self->owner);
  id = g_strdup (terrind_py_entity_id (self->kind, item));
  if (self->what == ITER_ITEMS &&
      (value = terrind_py_entity_wrap (terrind_py_state_of (object), self->kind, item,
                                       self->owner)) == NULL)
    return NULL;
  key = key_to_python (self->kind, id);
  if (key == NULL || value == NULL)
    {
      Py_XDECREF (value);
      return key;   /* the key alone, or NULL on error */
    }
  pair = PyTuple_Pack (2, key, value);
  Py_DECREF (key);
  Py_DECREF (value);
  return pair;
}

static PyObject *
iterator_length_hint (PyObject *object,
                      PyObject *unused)
{
  TerrindPyIterator *self = ITERATOR (object);

  return PyLong_FromUnsignedLong (self->items != NULL ? self->items->len - self->index : 0);
}

static void
iterator_dealloc (PyObject *object)
{
  PyTypeObject *type = Py_TYPE (object);

  PyObject_GC_UnTrack (object);
  Py_CLEAR (ITERATOR (object)->owner);
  g_clear_pointer (&ITERATOR (object)->items, g_ptr_array_unref);
  type->tp_free (object);
  Py_DECREF (type);
}

static int
iterator_traverse (PyObject  *object,
                   visitproc  visit,
                   void      *arg)
{
  Py_VISIT (Py_TYPE (object));
  Py_VISIT (ITERATOR (object)->owner);
  return 0;
}

static int
iterator_clear (PyObject *object)
{
  Py_CLEAR (ITERATOR (object)->owner);
  return 0;
}

static PyMethodDef iterator_methods[] = {
  { "__length_hint__", iterator_length_hint, METH_NOARGS,
    "__length_hint__($self, /)\n--\n\nHow many elements are left." },
  { NULL, NULL, 0, NULL },
};

static PyType_Slot iterator_slots[] = {
  { Py_tp_doc, (void *) "An iterator over a snapshot of a Collection." },
  { Py_tp_new, refuse_new },
  { Py_tp_dealloc, iterator_dealloc },
  { Py_tp_traverse, iterator_traverse },
  { Py_tp_clear, iterator_clear },
  { Py_tp_iter, PyObject_SelfIter },
  { Py_tp_iternext, iterator_next },
  { Py_tp_methods, iterator_methods },
  { 0, NULL },
};

PyType_Spec terrind_py_iterator_spec = {
  .name = "terrind.CollectionIterator",
  .basicsize = sizeof (TerrindPyIterator),
  .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .slots = iterator_slots,
};
