/* terrind-py-util.c: converting arguments, checking that objects are usable
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * terrind_py_to_utf8:
 * @value: a Python object (or NULL, as a setter gets for "del")
 * @nullable: whether None is allowed (and becomes NULL)
 * @what: the name of the argument, for the error message
 * @out: (out): a UTF-8 string borrowed from @value
 *
 * Every string that reaches the C library goes through here: a str that
 * the C side would read differently (an embedded NUL that would cut it, a
 * lone surrogate that is not UTF-8) is refused before it gets there.
 *
 * Returns: 0, or -1 with an exception set.
 */
int
terrind_py_to_utf8 (PyObject    *value,
                    gboolean     nullable,
                    const char  *what,
                    const char **out)
{
  Py_ssize_t length;
  const char *utf8;

  if (value == NULL || value == Py_None)
    {
      if (nullable)
        {
          *out = NULL;
          return 0;
        }
      PyErr_Format (PyExc_TypeError, "%s must be a str, not None", what);
      return -1;
    }
  if (!PyUnicode_Check (value))
    {
      PyErr_Format (PyExc_TypeError, "%s must be a str%s, not %.100s", what,
                    nullable ? " or None" : "", Py_TYPE (value)->tp_name);
      return -1;
    }
  utf8 = PyUnicode_AsUTF8AndSize (value, &length);
  if (utf8 == NULL)
    return -1;
  if ((size_t) length != strlen (utf8))
    {
      PyErr_Format (PyExc_ValueError, "%s contains a NUL character", what);
      return -1;
    }
  *out = utf8;
  return 0;
}

/*
 * terrind_py_to_uint:
 *
 * Converts a Python int to a guint; a bool, a float or anything out of
 * range is refused rather than silently truncated.
 */
int
terrind_py_to_uint (PyObject   *value,
                    const char *what,
                    guint      *out)
{
  unsigned long v;

  if (value == NULL || !PyLong_Check (value) || PyBool_Check (value))
    {
      PyErr_Format (PyExc_TypeError, "%s must be an int", what);
      return -1;
    }
  v = PyLong_AsUnsignedLong (value);
  if (v == (unsigned long) -1 && PyErr_Occurred ())
    {
      PyErr_Clear ();
      PyErr_Format (PyExc_OverflowError, "%s must be between 0 and %u", what, G_MAXUINT);
      return -1;
    }
  if (v > G_MAXUINT)
    {
      PyErr_Format (PyExc_OverflowError, "%s must be between 0 and %u", what, G_MAXUINT);
      return -1;
    }
  *out = (guint) v;
  return 0;
}

PyObject *
terrind_py_str_or_none (const char *str)
{
  if (str == NULL)
    Py_RETURN_NONE;
  /* The library only stores valid UTF-8, but a reader of its strings must
   * not be the place where a broken invariant becomes a crash. */
  return PyUnicode_DecodeUTF8 (str, strlen (str), "replace");
}

PyObject *
terrind_py_uint_or_none (guint value)
{
  if (value == 0)
    Py_RETURN_NONE;
  return PyLong_FromUnsignedLong (value);
}

/* Walks up from a wrapper's owner to the registry it was reached through:
 * ClosedError when that registry is closed. */
static int
check_not_closed (PyObject *owner)
{
  while (owner != NULL)
    {
      TerrindPyState *state = terrind_py_state_of (owner);

      if (state == NULL)
        {
          PyErr_SetString (PyExc_RuntimeError, "the terrind module is shutting down");
          return -1;
        }
      if (Py_TYPE (owner) == state->registry_type)
        {
          if (((TerrindPyRegistry *) owner)->registry == NULL)
            {
              PyErr_SetString (state->closed_error, "registry is closed");
              return -1;
            }
          return 0;
        }
      owner = ((TerrindPyEntity *) owner)->owner;
    }
  return 0;
}

/*
 * terrind_py_check_owner:
 * @object: (nullable): a Registry or an entity wrapper (what a collection
 *   or an iterator was reached through), or NULL for nothing
 *
 * Whether @object may be used for @access now: ClosedError when the
 * registry it was reached through is closed; BusyError when the registry
 * that holds it now is being exported (refusing a write) or imported (any
 * use) by another thread. For an entity the second is asked of the C
 * entity itself, so a wrapper taken from one registry still sees the
 * registry its entity moved to.
 *
 * Returns: 0 when usable, -1 with an exception set.
 */
int
terrind_py_check_owner (PyObject        *object,
                        TerrindPyAccess  access)
{
  TerrindPyState *state;
  TerrindRegistry *holder;

  if (object == NULL)
    return 0;
  /* Also refuses a module state that is gone. */
  if (check_not_closed (object) < 0)
    return -1;
  state = terrind_py_state_of (object);
  if (Py_TYPE (object) == state->registry_type)
    holder = ((TerrindPyRegistry *) object)->registry;
  else
    holder = terrind_py_kind_get_registry (((TerrindPyEntity *) object)->kind,
                                           ((TerrindPyEntity *) object)->handle);
  return terrind_py_busy_check (state, holder, access);
}

int
terrind_py_entity_check (TerrindPyEntity *self,
                         TerrindPyAccess  access)
{
  return terrind_py_check_owner ((PyObject *) self, access);
}

int
terrind_py_deny_delete (PyObject   *value,
                        const char *what)
{
  if (value != NULL)
    return 0;
  PyErr_Format (PyExc_AttributeError, "%s cannot be deleted", what);
  return -1;
}

/*
 * terrind_py_add_strings:
 * @iterable: (nullable): an iterable of str, or None for nothing
 *
 * Feeds every string of @iterable to @add (terrind_territory_add_member
 * and the like). A lone str is refused: iterating it would add one
 * character at a time.
 *
 * Returns: 0, or -1 with an exception set.
 */
int
terrind_py_add_strings (TerrindPyState      *state,
                        gpointer             handle,
                        PyObject            *iterable,
                        const char          *what,
                        TerrindPyStringAdder add)
{
  PyObject *iterator;
  PyObject *item;

  if (iterable == NULL || iterable == Py_None)
    return 0;
  if (PyUnicode_Check (iterable) || PyBytes_Check (iterable))
    {
      PyErr_Format (PyExc_TypeError, "%s must be an iterable of str, not a single string", what);
      return -1;
    }
  iterator = PyObject_GetIter (iterable);
  if (iterator == NULL)
    return -1;
  while ((item = PyIter_Next (iterator)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *value;

      if (terrind_py_to_utf8 (item, FALSE, what, &value) < 0)
        goto fail;
      if (!add (handle, value, &error))
        {
          terrind_py_raise_gerror (state, error);
          goto fail;
        }
      Py_DECREF (item);
      continue;
fail:
      Py_DECREF (item);
      Py_DECREF (iterator);
      return -1;
    }
  Py_DECREF (iterator);
  return PyErr_Occurred () ? -1 : 0;
}

/*
 * terrind_py_add_pairs:
 *
 * Like terrind_py_add_strings(), for lists whose items are a str or a
 * (str, str-or-None) pair: signatories (name, role), former names (name,
 * until). A bare str is the pair (str, None).
 */
int
terrind_py_add_pairs (TerrindPyState     *state,
                      gpointer            handle,
                      PyObject           *iterable,
                      const char         *what,
                      const char         *item_what,
                      const char         *first_what,
                      const char         *second_what,
                      TerrindPyPairAdder  add)
{
  PyObject *iterator;
  PyObject *item;

  if (iterable == NULL || iterable == Py_None)
    return 0;
  if (PyUnicode_Check (iterable))
    {
      PyErr_Format (PyExc_TypeError, "%s must be an iterable, not a single string", what);
      return -1;
    }
  iterator = PyObject_GetIter (iterable);
  if (iterator == NULL)
    return -1;
  while ((item = PyIter_Next (iterator)) != NULL)
    {
      g_autoptr(GError) error = NULL;
      PyObject *first_obj = item;
      PyObject *second_obj = Py_None;
      const char *first;
      const char *second;
      int ok;

      if (PyTuple_Check (item))
        {
          if (PyTuple_GET_SIZE (item) != 2)
            {
              PyErr_Format (PyExc_ValueError, "%s is a str or a (%s, %s) pair",
                            item_what, first_what, second_what);
              Py_DECREF (item);
              break;
            }
          first_obj = PyTuple_GET_ITEM (item, 0);
          second_obj = PyTuple_GET_ITEM (item, 1);
        }
      ok = terrind_py_to_utf8 (first_obj, FALSE, first_what, &first) == 0 &&
           terrind_py_to_utf8 (second_obj, TRUE, second_what, &second) == 0;
      if (ok && !add (handle, first, second, &error))
        {
          terrind_py_raise_gerror (state, error);
          ok = FALSE;
        }
      Py_DECREF (item);
      if (!ok)
        break;
    }
  Py_DECREF (iterator);
  return PyErr_Occurred () ? -1 : 0;
}

/*
 * terrind_py_strings_copy:
 * @get: reads string @index of @handle's list (members, themes...)
 *
 * Returns: (transfer full): a copy of the @n strings, to build Python
 *   objects from: building them can run a finalizer that changes the list.
 */
GPtrArray *
terrind_py_strings_copy (gconstpointer         handle,
                         guint                 n,
                         TerrindPyStringGetter get)
{
  GPtrArray *copy = g_ptr_array_new_full (n, g_free);
  guint i;

  for (i = 0; i < n; i++)
    g_ptr_array_add (copy, g_strdup (get (handle, i)));
  return copy;
}

/*
 * terrind_py_strings_tuple:
 * @second: (nullable): the getter of a parallel list
 *
 * A snapshot of an indexed list of strings (members, themes...) as a tuple
 * of str; with @second, of two parallel lists as a tuple of (first,
 * second) pairs: signatories (name, role), former names (name, until).
 */
PyObject *
terrind_py_strings_tuple (gconstpointer         handle,
                          guint                 n,
                          TerrindPyStringGetter first,
                          TerrindPyStringGetter second)
{
  g_autoptr(GPtrArray) firsts = terrind_py_strings_copy (handle, n, first);
  g_autoptr(GPtrArray) seconds = NULL;
  PyObject *tuple;
  guint i;

  if (second != NULL)
    seconds = terrind_py_strings_copy (handle, n, second);
  tuple = PyTuple_New (n);
  if (tuple == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    {
      PyObject *item = terrind_py_str_or_none (g_ptr_array_index (firsts, i));

      if (item != NULL && seconds != NULL)
        {
          PyObject *b = terrind_py_str_or_none (g_ptr_array_index (seconds, i));
          PyObject *pair = b != NULL ? PyTuple_Pack (2, item, b) : NULL;

          Py_XDECREF (b);
          Py_DECREF (item);
          item = pair;
        }
      if (item == NULL)
        {
          Py_DECREF (tuple);
          return NULL;
        }
      PyTuple_SET_ITEM (tuple, i, item);
    }
  return tuple;
}
