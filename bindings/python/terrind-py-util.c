/* terrind-py-util.c: converting arguments, checking that objects are usable
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

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
 * terrind_py_path_errno:
 * @path: a file a failed import read or a failed export wrote
 * @writing: whether it was written
 *
 * libterrind's I/O errors carry a message, not an errno, so the binding
 * asks the file system again which errno the file gives, to raise the
 * OSError subclass Python would. Called after the failure, with the GIL
 * held and nothing of Python in between: it only reads the file system.
 *
 * Returns: the errno of opening @path for reading (or of writing it or
 *   creating it in its directory), 0 when it looks usable now.
 */
int
terrind_py_path_errno (const char *path,
                       gboolean    writing)
{
  g_autofree char *directory = NULL;

  if (!writing)
    {
      int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

      if (fd < 0)
        return errno;
      g_close (fd, NULL);
      return 0;
    }
  if (g_access (path, F_OK) == 0)
    return g_access (path, W_OK) == 0 ? 0 : errno;
  directory = g_path_get_dirname (path);
  if (g_access (directory, F_OK) != 0)
    return errno;
  return g_access (directory, W_OK) == 0 ? 0 : errno;
}

/*
 * terrind_py_parse_one:
 * @function: the method's Python name, for the error messages
 * @keyword: the argument's name in the stubs and the text signature
 * @out: (out) (transfer none): the argument
 *
 * Parses the single argument of a method that takes it by position or by
 * keyword (METH_VARARGS | METH_KEYWORDS), as every method's stub shows.
 *
 * Returns: 0, or -1 with an exception set.
 */
int
terrind_py_parse_one (PyObject    *args,
                      PyObject    *kwargs,
                      const char  *function,
                      const char  *keyword,
                      PyObject   **out)
{
  const char *keywords[] = { keyword, NULL };
  g_autofree char *format = NULL;

  /* The usual call, by position, needs no format. */
  if (kwargs == NULL && PyTuple_GET_SIZE (args) == 1)
    {
      *out = PyTuple_GET_ITEM (args, 0);
      return 0;
    }
  format = g_strconcat ("O:", function, NULL);
  return PyArg_ParseTupleAndKeywords (args, kwargs, format, TERRIND_PY_KEYWORDS (keywords), out) ? 0 : -1;
}
