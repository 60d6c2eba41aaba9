/* terrind-py-collection.c: terrind.Collection and terrind.CollectionIterator
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * A Collection is a live view: it holds its owner (a Registry, or a
 * Convention for its commitments) and asks the C library on every call,
 * so it always shows the current content. An iterator instead takes a
 * snapshot, with a C reference on every element: removing entities while
 * iterating is allowed and never frees what the iterator will return.
 */

typedef struct {
  PyObject_HEAD
  PyObject      *owner;
  TerrindPyView  view;
} TerrindPyCollection;

typedef struct {
  PyObject_HEAD
  PyObject      *owner;
  TerrindPyKind  kind;
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
collection_iter (PyObject *object)
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
  iter->items = items;
  iter->index = 0;
  return (PyObject *) iter;
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

/* "x in view": an id (str) that is present, or an entity equal to the one
 * with its id in the view. Anything else is simply not in it. */
static int
collection_contains (PyObject *object,
                     PyObject *item)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  TerrindPyKind kind = views[self->view].kind;
  char buffer[KEY_BUFFER_SIZE];
  const char *number_id;
  gpointer found;
  int is_number = phase_number_key (self, item, buffer, &number_id);

  if (is_number < 0)
    return -1;
  if (is_number > 0)
    {
      found = collection_lookup (self, number_id);
      if (found == NULL)
        return PyErr_Occurred () ? -1 : 0;
      return 1;
    }
  if (PyUnicode_Check (item))
    {
      const char *id;

      if (terrind_py_to_utf8 (item, FALSE, "id", &id) < 0)
        {
          /* An id that cannot be passed to C cannot be in the registry,
           * but a closed registry must still say so. */
          PyErr_Clear ();
          return collection_len (object) < 0 ? -1 : 0;
        }
      found = collection_lookup (self, id);
      if (found == NULL)
        return PyErr_Occurred () ? -1 : 0;
      return 1;
    }
  if (state->types[kind] != NULL && Py_TYPE (item) == state->types[kind])
    {
      TerrindPyEntity *entity = (TerrindPyEntity *) item;

      if (terrind_py_entity_check (entity, TERRIND_PY_READ) < 0)
        return -1;
      found = collection_lookup (self, terrind_py_entity_id (kind, entity->handle));
      if (found == NULL)
        return PyErr_Occurred () ? -1 : 0;
      return found == entity->handle || terrind_py_kind_equal (kind, found, entity->handle);
    }
  if (collection_len (object) < 0)
    return -1;
  return 0;
}

static PyObject *
collection_get (PyObject *object,
                PyObject *args)
{
  PyObject *key;
  PyObject *fallback = Py_None;
  PyObject *result;

  if (!PyArg_UnpackTuple (args, "get", 1, 2, &key, &fallback))
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
                PyObject *entity)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  TerrindPyKind kind = views[self->view].kind;

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
key_to_python (TerrindPyCollection *self,
               const char          *id)
{
  if (self->view == TERRIND_PY_VIEW_PHASES)
    return PyLong_FromString (id, NULL, 10);
  return PyUnicode_DecodeUTF8 (id, strlen (id), "strict");
}

typedef enum {
  LIST_KEYS,
  LIST_VALUES,
  LIST_ITEMS,
} ListWhat;

/* keys(), values(), items(): lists made from one snapshot, like dict's in
 * Python 2, so they never change under the caller. The ids are copied
 * before the first Python object is made. */
static PyObject *
collection_list (PyObject *object,
                 ListWhat  what)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  TerrindPyKind kind = views[self->view].kind;
  g_autoptr(GPtrArray) items = collection_snapshot (self);
  g_autoptr(GPtrArray) ids = NULL;
  PyObject *list;

  if (items == NULL)
    return NULL;
  ids = g_ptr_array_new_full (items->len, g_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (ids, g_strdup (terrind_py_entity_id (kind, g_ptr_array_index (items, i))));
  list = PyList_New (items->len);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      PyObject *key = NULL;
      PyObject *value = NULL;
      PyObject *element;

      if (what != LIST_VALUES && (key = key_to_python (self, g_ptr_array_index (ids, i))) == NULL)
        goto fail;
      if (what != LIST_KEYS &&
          (value = terrind_py_entity_wrap (state, kind, g_ptr_array_index (items, i), self->owner)) == NULL)
        {
          Py_XDECREF (key);
          goto fail;
        }
      if (what == LIST_ITEMS)
        {
          element = PyTuple_Pack (2, key, value);
          Py_DECREF (key);
          Py_DECREF (value);
          if (element == NULL)
            goto fail;
        }
      else
        element = what == LIST_KEYS ? key : value;
      PyList_SET_ITEM (list, i, element);
    }
  return list;

fail:
  Py_DECREF (list);
  return NULL;
}

static PyObject *
collection_keys (PyObject *object,
                 PyObject *unused)
{
  return collection_list (object, LIST_KEYS);
}

static PyObject *
collection_values (PyObject *object,
                   PyObject *unused)
{
  return collection_list (object, LIST_VALUES);
}

static PyObject *
collection_items (PyObject *object,
                  PyObject *unused)
{
  return collection_list (object, LIST_ITEMS);
}

static PyObject *
collection_replace (PyObject *object,
                    PyObject *referent)
{
  TerrindPyCollection *self = COLLECTION (object);
  TerrindPyState *state = terrind_py_state_of (object);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;
  TerrindConvention *convention;
  TerrindReferent *handle;

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
  { "get", collection_get, METH_VARARGS,
    "get(id, default=None)\n--\n\nThe element with this id, or default." },
  { "keys", collection_keys, METH_NOARGS,
    "keys()\n--\n\nThe ids, in id order (a list; a phase's key is its number)." },
  { "values", collection_values, METH_NOARGS,
    "values()\n--\n\nThe entities, in id order (a list)." },
  { "items", collection_items, METH_NOARGS,
    "items()\n--\n\nThe (id, entity) pairs, in id order (a list)." },
  { "add", collection_add, METH_O,
    "add(entity)\n--\n\n"
    "Add an entity of this collection's type; nothing changes if it fails." },
  { "remove", (PyCFunction) (void (*) (void)) collection_remove, METH_VARARGS | METH_KEYWORDS,
    "remove(id, *, cascade=False)\n--\n\n"
    "Remove the element with this id (NotFoundError if there is none).\n"
    "An entity still referenced is not removed (InUseError) unless\n"
    "cascade=True (territories, operators and conventions only), which also removes what\n"
    "references it." },
  { "replace", collection_replace, METH_O,
    "replace(referent)\n--\n\n"
    "Referents only: put this referent in place of the one the registry\n"
    "has for the same (operator, territory)." },
  { NULL, NULL, 0, NULL },
};

static PyType_Slot collection_slots[] = {
  { Py_tp_doc, (void *)
    "A live view of the entities of one kind in a registry, or of the\n"
    "commitments of a convention: len(), iteration (in id order, over a\n"
    "snapshot), 'in' (an id or an entity), [id] (KeyError when missing),\n"
    "get(), add(), remove() and, for referents, replace()." },
  { Py_tp_new, refuse_new },
  { Py_tp_dealloc, collection_dealloc },
  { Py_tp_traverse, collection_traverse },
  { Py_tp_clear, collection_clear },
  { Py_tp_repr, collection_repr },
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
  /* The wrapper takes its reference before it allocates, so a finalizer
   * that exhausts this iterator cannot free the element under it. */
  item = g_ptr_array_index (self->items, self->index++);
  return terrind_py_entity_wrap (terrind_py_state_of (object), self->kind, item, self->owner);
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
  { "__length_hint__", iterator_length_hint, METH_NOARGS, "How many elements are left." },
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
