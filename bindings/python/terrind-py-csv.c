/* terrind-py-csv.c: Registry.import_csv() and Registry.export_csv()
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every argument is converted (os.fspath(), read(), str → UTF-8) before
 * the registry is looked up, and the registry is marked busy while the
 * library runs with the GIL released: an import is a writer, an export a
 * reader (see README.md, "Threads" and "Finalizers inside a call").
 */

#include "terrind-py-private.h"

/* The kind a str names, by name or plural. */
static const TerrindKind *
kind_from_object (PyObject *object)
{
  const char *name;
  guint n_kinds;
  const TerrindKind * const *kinds = terrind_model_get_kinds (&n_kinds);

  if (!PyUnicode_Check (object))
    {
      PyErr_Format (PyExc_TypeError, "kind must be a str, not %.100s", Py_TYPE (object)->tp_name);
      return NULL;
    }
  name = PyUnicode_AsUTF8 (object);
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < n_kinds; i++)
    if (g_str_equal (name, terrind_kind_get_name (kinds[i])) ||
        g_str_equal (name, terrind_kind_get_plural (kinds[i])))
      return kinds[i];
  PyErr_Format (PyExc_ValueError, "unknown kind %R", object);
  return NULL;
}

PyObject *
terrind_py_registry_import_csv (PyObject *self,
                                PyObject *args,
                                PyObject *kwargs)
{
  static const char *const keywords[] = {
    "source", "kind", "replace", "separator", "max_errors", NULL
  };
  TerrindPyState *state = terrind_py_state_of (self);
  PyObject *source, *kind_object = Py_None, *separator = Py_None, *max_errors = Py_None;
  int replace = FALSE;
  const TerrindKind *kind = NULL;
  TerrindCsvFlags flags = TERRIND_CSV_NONE;
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  g_autoptr(GError) error = NULL;
  PyObject *path = NULL, *data = NULL;
  Py_buffer view = { 0 };
  TerrindRegistry *registry;
  guint64 n_rows = 0;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|O$pOO:import_csv",
                                    TERRIND_PY_KEYWORDS (keywords), &source, &kind_object,
                                    &replace, &separator, &max_errors))
    return NULL;
  if (kind_object != Py_None && (kind = kind_from_object (kind_object)) == NULL)
    return NULL;
  if (replace)
    flags |= TERRIND_CSV_REPLACE;
  if (separator != Py_None)
    {
      const char *s = PyUnicode_Check (separator) ? PyUnicode_AsUTF8 (separator) : NULL;

      if (s != NULL && g_str_equal (s, ","))
        flags |= TERRIND_CSV_COMMA;
      else if (s != NULL && g_str_equal (s, ";"))
        flags |= TERRIND_CSV_SEMICOLON;
      else
        {
          PyErr_SetString (PyExc_ValueError, "separator must be ',', ';' or None");
          return NULL;
        }
    }
  if (max_errors != Py_None)
    {
      guint value;

      if (terrind_py_to_uint (max_errors, "max_errors", &value) < 0)
        return NULL;
      terrind_import_options_set_max_errors (options, value);
    }

  /* The source, converted while nothing of the registry is held. */
  if (PyUnicode_Check (source) || PyBytes_Check (source) ||
      PyObject_HasAttrString (source, "__fspath__"))
    {
      if (!PyUnicode_FSConverter (source, &path))
        return NULL;
    }
  else if (PyObject_HasAttrString (source, "read"))
    {
      data = PyObject_CallMethod (source, "read", NULL);
      if (data == NULL)
        return NULL;
      if (PyUnicode_Check (data))
        Py_SETREF (data, PyUnicode_AsUTF8String (data));
      if (data == NULL || PyObject_GetBuffer (data, &view, PyBUF_SIMPLE) < 0)
        {
          Py_XDECREF (data);
          return NULL;
        }
    }
  else
    {
      PyErr_Format (PyExc_TypeError, "source must be a path or a file object, not %.100s",
                    Py_TYPE (source)->tp_name);
      return NULL;
    }

  registry = terrind_py_registry_get (self, TERRIND_PY_WRITE);
  ok = registry != NULL && terrind_py_busy_begin (state, registry, TERRIND_PY_WRITE) == 0;
  if (ok)
    {
      Py_BEGIN_ALLOW_THREADS
      if (path != NULL)
        ok = terrind_registry_import_csv_file (registry, PyBytes_AS_STRING (path), kind, flags,
                                               options, &n_rows, &error);
      else
        ok = terrind_registry_import_csv_data (registry, view.buf, (gsize) view.len, kind, flags,
                                               options, &n_rows, &error);
      Py_END_ALLOW_THREADS
      terrind_py_busy_end (state, registry, TERRIND_PY_WRITE);
      if (!ok)
        terrind_py_raise_gerror (state, error);
    }
  Py_XDECREF (path);
  if (data != NULL)
    {
      PyBuffer_Release (&view);
      Py_DECREF (data);
    }
  if (!ok)
    return NULL;
  return PyLong_FromUnsignedLongLong (n_rows);
}

PyObject *
terrind_py_registry_export_csv (PyObject *self,
                                PyObject *args,
                                PyObject *kwargs)
{
  static const char *const keywords[] = { "kind", "excel", "path", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  PyObject *kind_object, *path_object = Py_None, *path = NULL;
  int excel = FALSE;
  const TerrindKind *kind;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  TerrindRegistry *registry;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|$pO:export_csv",
                                    TERRIND_PY_KEYWORDS (keywords), &kind_object, &excel,
                                    &path_object) ||
      (kind = kind_from_object (kind_object)) == NULL)
    return NULL;
  if (path_object != Py_None && !PyUnicode_FSConverter (path_object, &path))
    return NULL;

  registry = terrind_py_registry_get (self, TERRIND_PY_READ);
  ok = registry != NULL && terrind_py_busy_begin (state, registry, TERRIND_PY_READ) == 0;
  if (ok)
    {
      TerrindCsvFlags flags = excel ? TERRIND_CSV_EXCEL : TERRIND_CSV_NONE;

      Py_BEGIN_ALLOW_THREADS
      if (path != NULL)
        ok = terrind_registry_export_csv_file (registry, kind, flags, PyBytes_AS_STRING (path),
                                               &error);
      else
        ok = (data = terrind_registry_export_csv_data (registry, kind, flags, &length,
                                                       &error)) != NULL;
      Py_END_ALLOW_THREADS
      terrind_py_busy_end (state, registry, TERRIND_PY_READ);
      if (!ok)
        terrind_py_raise_gerror (state, error);
    }
  Py_XDECREF (path);
  if (!ok)
    return NULL;
  if (data == NULL)
    Py_RETURN_NONE;
  return PyUnicode_DecodeUTF8 (data, (Py_ssize_t) length, "strict");
}
