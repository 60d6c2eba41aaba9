/* terrind-py-error.c: terrind.Error and one subclass per TerrindError code
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

#include <errno.h>

/* One row per code, indexed by the code. The extra base lets callers catch
 * the errors the way they catch the built-in ones ("except ValueError"),
 * without knowing this module. */
static const struct {
  const char *name;
  const char *doc;
  PyObject  **extra_base;
  const char *code_name;   /* terrind.ErrorCode's, the C name without prefix */
} error_classes[TERRIND_PY_N_ERROR_CODES] = {
  [TERRIND_ERROR_FAILED] = {
    "terrind.FailedError",
    "A failure that no other code describes (TERRIND_ERROR_FAILED).",
    NULL, "FAILED" },
  [TERRIND_ERROR_INVALID_VALUE] = {
    "terrind.InvalidValueError",
    "A value is malformed: an id with forbidden characters, a date that does\n"
    "not exist, a SIREN with a bad checksum... (TERRIND_ERROR_INVALID_VALUE).\n"
    "Also a ValueError.",
    &PyExc_ValueError, "INVALID_VALUE" },
  [TERRIND_ERROR_DUPLICATE] = {
    "terrind.DuplicateError",
    "An id is already used by another entity of the same kind, or a second\n"
    "referent was given for one (operator, territory) (TERRIND_ERROR_DUPLICATE).",
    NULL, "DUPLICATE" },
  [TERRIND_ERROR_UNKNOWN_REFERENCE] = {
    "terrind.UnknownReferenceError",
    "A reference (region, operator, territory) does not resolve\n"
    "(TERRIND_ERROR_UNKNOWN_REFERENCE).",
    NULL, "UNKNOWN_REFERENCE" },
  [TERRIND_ERROR_NOT_FOUND] = {
    "terrind.NotFoundError",
    "The entity to change or remove does not exist (TERRIND_ERROR_NOT_FOUND).\n"
    "Also a LookupError.",
    &PyExc_LookupError, "NOT_FOUND" },
  [TERRIND_ERROR_IN_USE] = {
    "terrind.InUseError",
    "The entity is still referenced, or already belongs to another registry\n"
    "or convention (TERRIND_ERROR_IN_USE).",
    NULL, "IN_USE" },
  [TERRIND_ERROR_PARSE] = {
    "terrind.ParseError",
    "The input is not well-formed XML, or is truncated (TERRIND_ERROR_PARSE).\n"
    "file, line and column say where.",
    NULL, "PARSE" },
  [TERRIND_ERROR_SCHEMA] = {
    "terrind.SchemaError",
    "The input is XML but not a valid libterrind document (TERRIND_ERROR_SCHEMA).",
    NULL, "SCHEMA" },
  [TERRIND_ERROR_IO] = {
    "terrind.TerrindIOError",
    "A file or stream could not be read or written (TERRIND_ERROR_IO).\n"
    "Named so that it does not shadow the built-in IOError. Also an OSError\n"
    "(errno and filename are set when the binding knows them), and a\n"
    "TerrindFileNotFoundError or TerrindPermissionError when the file is\n"
    "missing or not allowed.",
    &PyExc_OSError, "IO" },
  [TERRIND_ERROR_UNSUPPORTED_VERSION] = {
    "terrind.UnsupportedVersionError",
    "The document's format version is not one this library reads\n"
    "(TERRIND_ERROR_UNSUPPORTED_VERSION).",
    NULL, "UNSUPPORTED_VERSION" },
  [TERRIND_ERROR_LIMIT_EXCEEDED] = {
    "terrind.LimitExceededError",
    "The input is larger or deeper than the import limits allow\n"
    "(TERRIND_ERROR_LIMIT_EXCEEDED).",
    NULL, "LIMIT_EXCEEDED" },
};

/* terrind.ErrorCode, an enum.IntEnum of the codes this binding names:
 * its members equal the ints that .code held before, so comparisons with
 * numbers keep working. */
static PyObject *
error_code_enum_new (void)
{
  PyObject *enum_module = PyImport_ImportModule ("enum");
  PyObject *int_enum = enum_module != NULL ? PyObject_GetAttrString (enum_module, "IntEnum") : NULL;
  PyObject *members = PyList_New (0);
  PyObject *args = NULL;
  PyObject *kwargs = NULL;
  PyObject *doc = NULL;
  PyObject *result = NULL;

  if (int_enum == NULL || members == NULL)
    goto out;
  for (gsize i = 0; i < TERRIND_PY_N_ERROR_CODES; i++)
    {
      PyObject *member = Py_BuildValue ("(sn)", error_classes[i].code_name, (Py_ssize_t) i);

      if (member == NULL || PyList_Append (members, member) < 0)
        {
          Py_XDECREF (member);
          goto out;
        }
      Py_DECREF (member);
    }
  args = Py_BuildValue ("(sO)", "ErrorCode", members);
  kwargs = Py_BuildValue ("{ss}", "module", "terrind");
  if (args == NULL || kwargs == NULL)
    goto out;
  doc = PyUnicode_FromString (
      "The TerrindError codes, as an enum.IntEnum: an Error's code. Its\n"
      "members equal the ints the code always was (ErrorCode.IO == 8).");
  if (doc == NULL)
    goto out;
  result = PyObject_Call (int_enum, args, kwargs);
  if (result != NULL && PyObject_SetAttrString (result, "__doc__", doc) < 0)
    Py_CLEAR (result);
out:
  Py_XDECREF (doc);
  Py_XDECREF (enum_module);
  Py_XDECREF (int_enum);
  Py_XDECREF (members);
  Py_XDECREF (args);
  Py_XDECREF (kwargs);
  return result;
}

static PyObject *
terrind_py_new_error_class (PyObject   *module,
                            const char *qualified_name,
                            const char *doc,
                            PyObject   *bases,
                            PyObject   *code)
{
  PyObject *dict = PyDict_New ();
  PyObject *cls = NULL;

  if (dict == NULL)
    return NULL;
  if (PyDict_SetItemString (dict, "code", code) < 0)
    goto out;
  /* OSError's str() would become "[Errno 2] None: 'file'" once errno and
   * filename are set: keep the library's message, as every Error has. */
  if (PyTuple_GET_SIZE (bases) == 2 && PyTuple_GET_ITEM (bases, 1) == PyExc_OSError)
    {
      PyObject *str = PyObject_GetAttrString (PyExc_BaseException, "__str__");

      if (str == NULL || PyDict_SetItemString (dict, "__str__", str) < 0)
        {
          Py_XDECREF (str);
          goto out;
        }
      Py_DECREF (str);
    }
  cls = PyErr_NewExceptionWithDoc (qualified_name, doc, bases, dict);
  if (cls == NULL)
    goto out;
  /* PyModule_AddObjectRef is 3.10+; PyModule_AddObject steals on success. */
  Py_INCREF (cls);
  if (PyModule_AddObject (module, strchr (qualified_name, '.') + 1, cls) < 0)
    {
      Py_DECREF (cls);
      Py_CLEAR (cls);
    }
out:
  Py_DECREF (dict);
  return cls;
}

int
terrind_py_errors_init (PyObject       *module,
                        TerrindPyState *state)
{
  PyObject *base_dict;
  gsize i;

  /* The base class: location attributes default to None so that an Error
   * raised by Python code still has them. */
  base_dict = Py_BuildValue ("{sOsOsOsOsO}", "code", Py_None, "file", Py_None,
                             "line", Py_None, "column", Py_None, "problems", Py_None);
  if (base_dict == NULL)
    return -1;
  state->error = PyErr_NewExceptionWithDoc (
      "terrind.Error",
      "Base class of every error the terrind package raises.\n\n"
      "code is the TerrindError code (an int) or None for errors that do not\n"
      "come from the C library; file, line and column locate an import error\n"
      "and are None when unknown.",
      PyExc_Exception, base_dict);
  Py_DECREF (base_dict);
  if (state->error == NULL)
    return -1;
  Py_INCREF (state->error);
  if (PyModule_AddObject (module, "Error", state->error) < 0)
    {
      Py_DECREF (state->error);
      return -1;
    }

  state->error_code = error_code_enum_new ();
  if (state->error_code == NULL)
    return -1;
  Py_INCREF (state->error_code);
  if (PyModule_AddObject (module, "ErrorCode", state->error_code) < 0)
    {
      Py_DECREF (state->error_code);
      return -1;
    }

  for (i = 0; i < TERRIND_PY_N_ERROR_CODES; i++)
    {
      PyObject *code = PyObject_CallFunction (state->error_code, "n", (Py_ssize_t) i);
      PyObject *bases;

      if (code == NULL)
        return -1;
      if (error_classes[i].extra_base != NULL)
        bases = PyTuple_Pack (2, state->error, *error_classes[i].extra_base);
      else
        bases = PyTuple_Pack (1, state->error);
      if (bases == NULL)
        {
          Py_DECREF (code);
          return -1;
        }
      state->errors[i] = terrind_py_new_error_class (module, error_classes[i].name,
                                                     error_classes[i].doc, bases, code);
      Py_DECREF (bases);
      Py_DECREF (code);
      if (state->errors[i] == NULL)
        return -1;
    }

  /* The OSError subclasses Python picks by errno, for the two causes a
   * script most often handles. */
  {
    PyObject *io = state->errors[TERRIND_ERROR_IO];
    PyObject *code = PyObject_GetAttrString (io, "code");
    PyObject *missing_bases = PyTuple_Pack (2, io, PyExc_FileNotFoundError);
    PyObject *permission_bases = PyTuple_Pack (2, io, PyExc_PermissionError);

    if (code != NULL && missing_bases != NULL)
      state->io_missing_error = terrind_py_new_error_class (
          module, "terrind.TerrindFileNotFoundError",
          "The file to read, or the directory to write into, does not exist.\n"
          "A TerrindIOError and a FileNotFoundError.",
          missing_bases, code);
    if (code != NULL && permission_bases != NULL)
      state->io_permission_error = terrind_py_new_error_class (
          module, "terrind.TerrindPermissionError",
          "The file may not be read or written. A TerrindIOError and a\n"
          "PermissionError.",
          permission_bases, code);
    Py_XDECREF (code);
    Py_XDECREF (missing_bases);
    Py_XDECREF (permission_bases);
    if (state->io_missing_error == NULL || state->io_permission_error == NULL)
      return -1;
  }

  {
    PyObject *closed_bases = PyTuple_Pack (2, state->error, PyExc_ValueError);
    PyObject *busy_bases = PyTuple_Pack (2, state->error, PyExc_RuntimeError);

    if (closed_bases != NULL)
      state->closed_error = terrind_py_new_error_class (
          module, "terrind.ClosedError",
          "The registry was closed; the registry, its collections and every\n"
          "entity reached through it are unusable. Also a ValueError.",
          closed_bases, Py_None);
    if (busy_bases != NULL)
      state->busy_error = terrind_py_new_error_class (
          module, "terrind.BusyError",
          "Another thread is exporting this registry, which cannot change\n"
          "meanwhile, or importing it (with the GIL released); retry when it\n"
          "is done. Also a RuntimeError.",
          busy_bases, Py_None);
    Py_XDECREF (closed_bases);
    Py_XDECREF (busy_bases);
    if (state->closed_error == NULL || state->busy_error == NULL)
      return -1;
  }
  return 0;
}

static int
terrind_py_set_attr_steal (PyObject   *object,
                           const char *name,
                           PyObject   *value)
{
  int ret;

  if (value == NULL)
    return -1;
  ret = PyObject_SetAttrString (object, name, value);
  Py_DECREF (value);
  return ret;
}

/* [(file, line, column, message)] for each problem @error reports. */
static PyObject *
problems_list (const GError *error)
{
  guint n = terrind_error_get_n_problems (error);
  PyObject *list = PyList_New (n);

  for (guint i = 0; list != NULL && i < n; i++)
    {
      const GError *problem = terrind_error_get_problem (error, i);
      const char *file = terrind_error_get_file (problem);
      PyObject *item = Py_BuildValue ("(NNNN)",
                                      file != NULL ? PyUnicode_DecodeFSDefault (file)
                                                   : terrind_py_new_ref (Py_None),
                                      terrind_py_uint_or_none ((guint) MAX (terrind_error_get_line (problem), 0)),
                                      terrind_py_uint_or_none ((guint) MAX (terrind_error_get_column (problem), 0)),
                                      PyUnicode_DecodeUTF8 (problem->message, strlen (problem->message),
                                                            "replace"));

      if (item == NULL)
        Py_CLEAR (list);
      else
        PyList_SET_ITEM (list, i, item);
    }
  return list;
}

static PyObject *
terrind_py_raise (PyObject   *cls,
                  PyObject   *code,
                  const char *message,
                  const char *file,
                  gint        line,
                  gint        column,
                  int         errno_value,
                  PyObject   *filename,
                  const GError *error)
{
  PyObject *text;
  PyObject *exc;

  /* A message may quote hostile input: never fail on bad UTF-8 here. */
  text = PyUnicode_DecodeUTF8 (message, strlen (message), "replace");
  if (text == NULL)
    return NULL;
  exc = PyObject_CallFunctionObjArgs (cls, text, NULL);
  Py_DECREF (text);
  if (exc == NULL)
    return NULL;
  if (PyObject_SetAttrString (exc, "code", code) < 0 ||
      terrind_py_set_attr_steal (exc, "file",
                                 file != NULL ? PyUnicode_DecodeFSDefault (file)
                                              : terrind_py_new_ref (Py_None)) < 0 ||
      terrind_py_set_attr_steal (exc, "line", terrind_py_uint_or_none (line > 0 ? (guint) line : 0)) < 0 ||
      terrind_py_set_attr_steal (exc, "column", terrind_py_uint_or_none (column > 0 ? (guint) column : 0)) < 0 ||
      (errno_value != 0 &&
       terrind_py_set_attr_steal (exc, "errno", PyLong_FromLong (errno_value)) < 0) ||
      (errno_value != 0 &&
       terrind_py_set_attr_steal (exc, "strerror", PyUnicode_FromString (g_strerror (errno_value))) < 0) ||
      (filename != NULL && PyObject_SetAttrString (exc, "filename", filename) < 0) ||
      (error != NULL && terrind_py_set_attr_steal (exc, "problems", problems_list (error)) < 0))
    {
      Py_DECREF (exc);
      return NULL;
    }
  PyErr_SetObject ((PyObject *) Py_TYPE (exc), exc);
  Py_DECREF (exc);
  return NULL;
}

/*
 * terrind_py_raise_gerror:
 *
 * Raises the exception that matches @error and returns NULL, so callers
 * can "return terrind_py_raise_gerror (...)".
 */
/*
 * terrind_py_raise_gerror_for_path:
 * @errno_value: why @path could not be used, or 0 when unknown
 * @path: (nullable): the file the call was given, as the caller spelt it
 *
 * Raises the exception of @error. An I/O error with a known @errno_value
 * is the TerrindIOError subclass of that errno (TerrindFileNotFoundError,
 * TerrindPermissionError) and carries errno, strerror and filename like
 * any OSError.
 */
PyObject *
terrind_py_raise_gerror_for_path (TerrindPyState *state,
                                  const GError   *error,
                                  int             errno_value,
                                  PyObject       *path)
{
  PyObject *cls;
  PyObject *code;
  PyObject *ret;

  g_return_val_if_fail (error != NULL, NULL);

  /* During interpreter shutdown the state may already be cleared. */
  if (state == NULL || state->error == NULL)
    {
      PyErr_SetString (PyExc_RuntimeError, error->message);
      return NULL;
    }

  if (error->domain != TERRIND_ERROR)
    return terrind_py_raise (state->error, Py_None, error->message, NULL, 0, 0, 0, NULL, NULL);

  if (error->code >= 0 && error->code < TERRIND_PY_N_ERROR_CODES &&
      state->errors[error->code] != NULL)
    cls = state->errors[error->code];
  else
    cls = state->error;
  if (error->code != TERRIND_ERROR_IO)
    errno_value = 0;
  if (errno_value == ENOENT || errno_value == ENOTDIR)
    cls = state->io_missing_error;
  else if (errno_value == EACCES || errno_value == EPERM)
    cls = state->io_permission_error;
  /* A code of the library newer than this binding stays a plain int. */
  if (error->code >= 0 && error->code < TERRIND_PY_N_ERROR_CODES)
    code = PyObject_CallFunction (state->error_code, "i", error->code);
  else
    code = PyLong_FromLong (error->code);
  if (code == NULL)
    return NULL;
  ret = terrind_py_raise (cls, code, error->message,
                          terrind_error_get_file (error),
                          terrind_error_get_line (error),
                          terrind_error_get_column (error),
                          errno_value, errno_value != 0 ? path : NULL, error);
  Py_DECREF (code);
  return ret;
}

PyObject *
terrind_py_raise_gerror (TerrindPyState *state,
                         const GError   *error)
{
  return terrind_py_raise_gerror_for_path (state, error, 0, NULL);
}

/*
 * terrind_py_raise_code:
 *
 * Raises the exception of @code for a problem found by the binding itself,
 * such as an unknown commitment kind name.
 */
PyObject *
terrind_py_raise_code (TerrindPyState *state,
                       TerrindError    code,
                       const char     *message)
{
  g_autoptr(GError) error = g_error_new_literal (TERRIND_ERROR, code, message);

  return terrind_py_raise_gerror (state, error);
}
