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

/*
 * terrind_py_check_owner:
 * @owner: (nullable): a Registry, a Convention wrapper, or NULL
 *
 * Walks up from an entity to the registry it belongs to and refuses to go
 * on when that registry is closed or busy in another thread.
 *
 * Returns: 0 when usable, -1 with terrind.ClosedError or terrind.BusyError.
 */
int
terrind_py_check_owner (PyObject *owner)
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
          TerrindPyRegistry *reg = (TerrindPyRegistry *) owner;

          if (reg->registry == NULL)
            {
              PyErr_SetString (state->closed_error, "registry is closed");
              return -1;
            }
          if (reg->busy)
            {
              PyErr_SetString (state->busy_error,
                               "registry is being imported or exported by another thread");
              return -1;
            }
          return 0;
        }
      owner = ((TerrindPyEntity *) owner)->owner;
    }
  return 0;
}

int
terrind_py_entity_check (TerrindPyEntity *self)
{
  return terrind_py_check_owner (self->owner);
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

/* A snapshot of an indexed list of strings (members, themes...). */
PyObject *
terrind_py_strings_tuple (guint          n,
                          const char  *(*get) (gconstpointer handle,
                                               guint         index),
                          gconstpointer  handle)
{
  PyObject *tuple = PyTuple_New (n);
  guint i;

  if (tuple == NULL)
    return NULL;
  for (i = 0; i < n; i++)
    {
      PyObject *item = terrind_py_str_or_none (get (handle, i));

      if (item == NULL)
        {
          Py_DECREF (tuple);
          return NULL;
        }
      PyTuple_SET_ITEM (tuple, i, item);
    }
  return tuple;
}
