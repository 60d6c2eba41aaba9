/* terrind-py-registry.c: terrind.Registry
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "terrind-py-private.h"

/*
 * Threads. Import and export of large files run with the GIL released so
 * that other Python threads keep running. Meanwhile the C registry is
 * marked busy in TerrindPyState.busy. An export only reads, and the C
 * library lets readers run together: other threads may still read the
 * registry (and export it too), but a write (a setter, add, remove,
 * replace, close) gets terrind.BusyError instead of changing what the
 * exporter is reading. An import is a writer: nothing else may use its
 * registry until it is done (our imports fill a new registry, which no
 * other thread can reach anyway).
 *
 * The marks are kept by C registry, not in the Python Registry object,
 * because entities move: a wrapper taken from registry A, whose entity
 * was then removed from A and added to B, must see that B is being
 * exported. Every check asks the registry that holds the entity now
 * (terrind_py_check_owner()). The table is only read and written with the
 * GIL held, which makes it a lock without a lock; a marked registry holds
 * a reference, so its address cannot be reused while it is in the table.
 */

typedef struct {
  guint    readers;   /* exports running */
  gboolean writer;    /* an import running */
} TerrindPyBusy;

#define REGISTRY(self) ((TerrindPyRegistry *) (self))

/*
 * terrind_py_busy_check:
 * @registry: (nullable): a C registry, or NULL for none
 *
 * Returns: 0 when @registry may be used for @access now, or -1 with
 *   terrind.BusyError set.
 */
int
terrind_py_busy_check (TerrindPyState  *state,
                       TerrindRegistry *registry,
                       TerrindPyAccess  access)
{
  TerrindPyBusy *busy;

  if (registry == NULL)
    return 0;
  busy = g_hash_table_lookup (state->busy, registry);
  if (busy == NULL || (!busy->writer && (access == TERRIND_PY_READ || busy->readers == 0)))
    return 0;
  PyErr_SetString (state->busy_error,
                   busy->writer ? "registry is being imported by another thread"
                                : "registry is being exported by another thread: it cannot change");
  return -1;
}

/* Marks @registry busy for @access until busy_end(); refuses what
 * terrind_py_busy_check() refuses. */
static int
busy_begin (TerrindPyState  *state,
            TerrindRegistry *registry,
            TerrindPyAccess  access)
{
  TerrindPyBusy *busy;

  if (terrind_py_busy_check (state, registry, access) < 0)
    return -1;
  busy = g_hash_table_lookup (state->busy, registry);
  if (busy == NULL)
    {
      busy = g_new0 (TerrindPyBusy, 1);
      g_hash_table_insert (state->busy, terrind_registry_ref (registry), busy);
    }
  if (access == TERRIND_PY_READ)
    busy->readers++;
  else
    busy->writer = TRUE;
  return 0;
}

static void
busy_end (TerrindPyState  *state,
          TerrindRegistry *registry,
          TerrindPyAccess  access)
{
  TerrindPyBusy *busy = g_hash_table_lookup (state->busy, registry);

  g_return_if_fail (busy != NULL);
  if (access == TERRIND_PY_READ)
    busy->readers--;
  else
    busy->writer = FALSE;
  if (busy->readers == 0 && !busy->writer)
    g_hash_table_remove (state->busy, registry);
}

/* For the transactions (terrind-py-changeset.c): each edit holds the
 * writer mark while it runs. */
int
terrind_py_busy_begin (TerrindPyState  *state,
                       TerrindRegistry *registry,
                       TerrindPyAccess  access)
{
  return busy_begin (state, registry, access);
}

void
terrind_py_busy_end (TerrindPyState  *state,
                     TerrindRegistry *registry,
                     TerrindPyAccess  access)
{
  busy_end (state, registry, access);
}

static void
busy_unref_key (gpointer registry)
{
  terrind_registry_unref (registry);
}

/* TerrindPyState.busy: each key holds a reference to its registry. */
GHashTable *
terrind_py_busy_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, busy_unref_key, g_free);
}

/*
 * terrind_py_registry_get:
 *
 * Returns: (transfer none): the C registry, usable for @access, or NULL
 *   with ClosedError or BusyError set. Borrowed: a Python allocation can
 *   run a finalizer that closes it, so get it after converting arguments.
 */
TerrindRegistry *
terrind_py_registry_get (PyObject        *self,
                         TerrindPyAccess  access)
{
  if (terrind_py_check_owner (self, access) < 0)
    return NULL;
  return REGISTRY (self)->registry;
}

static PyObject *
registry_wrap (PyTypeObject    *type,
               TerrindRegistry *registry)
{
  TerrindPyRegistry *self = (TerrindPyRegistry *) type->tp_alloc (type, 0);

  if (self == NULL)
    {
      terrind_registry_unref (registry);
      return NULL;
    }
  self->registry = registry;
  return (PyObject *) self;
}

static PyObject *registry_load_source (PyTypeObject *type,
                                       PyObject     *source,
                                       PyObject     *max_bytes,
                                       PyObject     *max_depth,
                                       PyObject     *max_value_length,
                                       PyObject     *max_elements);

static PyObject *
registry_new (PyTypeObject *type,
              PyObject     *args,
              PyObject     *kwargs)
{
  static const char *const keywords[] = {
    "source", "max_bytes", "max_depth", "max_value_length", "max_elements", NULL
  };
  PyObject *source = Py_None;
  PyObject *max_bytes = NULL;
  PyObject *max_depth = NULL;
  PyObject *max_value_length = NULL;
  PyObject *max_elements = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "|O$OOOO:Registry", TERRIND_PY_KEYWORDS (keywords),
                                    &source, &max_bytes, &max_depth, &max_value_length, &max_elements))
    return NULL;
  /* Registry(source) is Registry.load(source); an empty registry takes no
   * limits, which only an import uses. */
  if (source != Py_None)
    return registry_load_source (type, source, max_bytes, max_depth, max_value_length, max_elements);
  if ((max_bytes != NULL && max_bytes != Py_None) || (max_depth != NULL && max_depth != Py_None) ||
      (max_value_length != NULL && max_value_length != Py_None) ||
      (max_elements != NULL && max_elements != Py_None))
    {
      PyErr_SetString (PyExc_TypeError, "import limits need a source to import");
      return NULL;
    }
  return registry_wrap (type, terrind_registry_new ());
}

static void
registry_dealloc (PyObject *object)
{
  TerrindPyRegistry *self = REGISTRY (object);
  PyTypeObject *type = Py_TYPE (object);

  /* No thread can be exporting: it would hold a reference to us. */
  g_clear_pointer (&self->registry, terrind_registry_unref);
  type->tp_free (object);
  Py_DECREF (type);
}

/* Keyword-only import limits shared by load() and from_string(); a limit
 * left out keeps the library's default. */
static int
registry_parse_limits (PyObject              *max_bytes,
                       PyObject              *max_depth,
                       PyObject              *max_value_length,
                       PyObject              *max_elements,
                       TerrindImportOptions **out)
{
  g_autoptr(TerrindImportOptions) options = terrind_import_options_new ();
  guint value;

  if (max_bytes != NULL && max_bytes != Py_None)
    {
      unsigned long long v = PyLong_Check (max_bytes) ? PyLong_AsUnsignedLongLong (max_bytes) : 0;

      if (!PyLong_Check (max_bytes))
        {
          PyErr_SetString (PyExc_TypeError, "max_bytes must be an int");
          return -1;
        }
      if (v == (unsigned long long) -1 && PyErr_Occurred ())
        return -1;
      terrind_import_options_set_max_bytes (options, v);
    }
  if (max_elements != NULL && max_elements != Py_None)
    {
      unsigned long long v = PyLong_Check (max_elements) ? PyLong_AsUnsignedLongLong (max_elements) : 0;

      if (!PyLong_Check (max_elements))
        {
          PyErr_SetString (PyExc_TypeError, "max_elements must be an int");
          return -1;
        }
      if (v == (unsigned long long) -1 && PyErr_Occurred ())
        return -1;
      terrind_import_options_set_max_elements (options, v);
    }
  if (max_depth != NULL && max_depth != Py_None)
    {
      if (terrind_py_to_uint (max_depth, "max_depth", &value) < 0)
        return -1;
      terrind_import_options_set_max_depth (options, value);
    }
  if (max_value_length != NULL && max_value_length != Py_None)
    {
      if (terrind_py_to_uint (max_value_length, "max_value_length", &value) < 0)
        return -1;
      terrind_import_options_set_max_value_length (options, value);
    }
  *out = g_steal_pointer (&options);
  return 0;
}

/* Imports the file at @path, or else @length bytes of @data, into a new
 * registry with the GIL released. @path or @data must stay alive: the
 * caller holds the Python object that owns it. */
static PyObject *
registry_import (PyTypeObject         *type,
                 const char           *path,
                 PyObject             *filename,
                 const char           *data,
                 gsize                 length,
                 TerrindImportOptions *options)
{
  TerrindPyState *state = terrind_py_state_from_type (type);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_registry_new ();
  gboolean ok;

  /* Cannot fail: nothing else knows this registry yet. */
  busy_begin (state, registry, TERRIND_PY_WRITE);
  Py_BEGIN_ALLOW_THREADS
  if (path != NULL)
    ok = terrind_registry_import_file (registry, path, options, &error);
  else
    ok = terrind_registry_import_data (registry, data, length, options, &error);
  Py_END_ALLOW_THREADS
  busy_end (state, registry, TERRIND_PY_WRITE);

  if (!ok)
    {
      terrind_registry_unref (registry);
      if (path != NULL && g_error_matches (error, TERRIND_ERROR, TERRIND_ERROR_IO))
        return terrind_py_raise_gerror_for_path (state, error, terrind_py_path_errno (path, FALSE),
                                                 filename);
      return terrind_py_raise_gerror (state, error);
    }
  return registry_wrap (type, registry);
}

static gboolean
registry_is_path (PyObject *source)
{
  return PyUnicode_Check (source) || PyBytes_Check (source) ||
         PyObject_HasAttrString (source, "__fspath__");
}

/* What a file object's read() returned, as UTF-8 bytes: a text file's str
 * is encoded, a binary file's buffer copied. */
static PyObject *
read_result_to_bytes (PyObject *data)
{
  if (PyUnicode_Check (data))
    return PyUnicode_AsUTF8String (data);
  if (PyBytes_Check (data))
    return terrind_py_new_ref (data);
  if (PyObject_CheckBuffer (data))
    return PyBytes_FromObject (data);
  PyErr_Format (PyExc_TypeError, "the file's read() must return bytes or str, not %.100s",
                Py_TYPE (data)->tp_name);
  return NULL;
}

/* Registry(source) and Registry.load(source): a path (str, bytes,
 * os.PathLike) or a file object, binary or text. os.fspath() and read()
 * may run any code; they run before the new registry exists. */
static PyObject *
registry_load_source (PyTypeObject *type,
                      PyObject     *source,
                      PyObject     *max_bytes,
                      PyObject     *max_depth,
                      PyObject     *max_value_length,
                      PyObject     *max_elements)
{
  g_autoptr(TerrindImportOptions) options = NULL;
  PyObject *result;

  if (registry_parse_limits (max_bytes, max_depth, max_value_length, max_elements, &options) < 0)
    return NULL;
  if (registry_is_path (source))
    {
      PyObject *path_bytes = NULL;

      /* Refuses NUL characters; encodes like the os module does. */
      if (!PyUnicode_FSConverter (source, &path_bytes))
        return NULL;
      result = registry_import (type, PyBytes_AS_STRING (path_bytes), source, NULL, 0, options);
      Py_DECREF (path_bytes);
      return result;
    }
  if (PyObject_HasAttrString (source, "read"))
    {
      PyObject *data = PyObject_CallMethod (source, "read", NULL);
      PyObject *bytes = data != NULL ? read_result_to_bytes (data) : NULL;

      Py_XDECREF (data);
      if (bytes == NULL)
        return NULL;
      /* The bytes object is ours and immutable: its buffer stays valid
       * while the GIL is released. */
      result = registry_import (type, NULL, NULL, PyBytes_AS_STRING (bytes), PyBytes_GET_SIZE (bytes),
                                options);
      Py_DECREF (bytes);
      return result;
    }
  PyErr_Format (PyExc_TypeError, "source must be a path or a file object, not %.100s",
                Py_TYPE (source)->tp_name);
  return NULL;
}

static PyObject *
registry_load (PyObject *cls,
               PyObject *args,
               PyObject *kwargs)
{
  static const char *const keywords[] = {
    "source", "max_bytes", "max_depth", "max_value_length", "max_elements", NULL
  };
  PyObject *source;
  PyObject *max_bytes = NULL;
  PyObject *max_depth = NULL;
  PyObject *max_value_length = NULL;
  PyObject *max_elements = NULL;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|$OOOO:load", TERRIND_PY_KEYWORDS (keywords),
                                    &source, &max_bytes, &max_depth, &max_value_length, &max_elements))
    return NULL;
  return registry_load_source ((PyTypeObject *) cls, source, max_bytes, max_depth,
                               max_value_length, max_elements);
}

static PyObject *
registry_from_string (PyObject *cls,
                      PyObject *args,
                      PyObject *kwargs)
{
  static const char *const keywords[] = {
    "text", "max_bytes", "max_depth", "max_value_length", "max_elements", NULL
  };
  g_autoptr(TerrindImportOptions) options = NULL;
  PyObject *text;
  PyObject *max_bytes = NULL;
  PyObject *max_depth = NULL;
  PyObject *max_value_length = NULL;
  PyObject *max_elements = NULL;
  PyObject *result;
  Py_buffer view;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|$OOOO:from_string", TERRIND_PY_KEYWORDS (keywords),
                                    &text, &max_bytes, &max_depth, &max_value_length, &max_elements) ||
      registry_parse_limits (max_bytes, max_depth, max_value_length, max_elements, &options) < 0)
    return NULL;

  if (PyUnicode_Check (text))
    {
      Py_ssize_t length;
      const char *utf8 = PyUnicode_AsUTF8AndSize (text, &length);

      /* The str is immutable and we hold it: its UTF-8 buffer stays valid
       * while the GIL is released. */
      if (utf8 == NULL)
        return NULL;
      return registry_import ((PyTypeObject *) cls, NULL, NULL, utf8, length, options);
    }
  if (PyObject_GetBuffer (text, &view, PyBUF_SIMPLE) < 0)
    {
      PyErr_Clear ();
      PyErr_Format (PyExc_TypeError, "text must be a str or bytes, not %.100s",
                    Py_TYPE (text)->tp_name);
      return NULL;
    }
  result = registry_import ((PyTypeObject *) cls, NULL, NULL, view.buf, view.len, options);
  PyBuffer_Release (&view);
  return result;
}

static PyObject *
registry_default (PyObject *cls,
                  PyObject *unused)
{
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry;

  Py_BEGIN_ALLOW_THREADS
  registry = terrind_registry_new_default (&error);
  Py_END_ALLOW_THREADS
  if (registry == NULL)
    return terrind_py_raise_gerror (terrind_py_state_from_type ((PyTypeObject *) cls), error);
  return registry_wrap ((PyTypeObject *) cls, registry);
}

/* Exports the registry of @self to the file at @path, or else to *@data,
 * with the GIL released. The export is a reader: other threads may read
 * the registry meanwhile, but not change or close it. */
static gboolean
registry_export (PyObject    *self,
                 const char  *path,
                 PyObject    *filename,
                 char       **data,
                 gsize       *length)
{
  TerrindPyState *state = terrind_py_state_of (self);
  g_autoptr(GError) error = NULL;
  TerrindRegistry *registry = terrind_py_registry_get (self, TERRIND_PY_READ);
  gboolean ok;

  if (registry == NULL || busy_begin (state, registry, TERRIND_PY_READ) < 0)
    return FALSE;
  Py_BEGIN_ALLOW_THREADS
  if (path != NULL)
    ok = terrind_registry_export_file (registry, path, &error);
  else
    {
      *data = terrind_registry_export_data (registry, length, &error);
      ok = *data != NULL;
    }
  Py_END_ALLOW_THREADS
  busy_end (state, registry, TERRIND_PY_READ);
  if (!ok && path != NULL && g_error_matches (error, TERRIND_ERROR, TERRIND_ERROR_IO))
    terrind_py_raise_gerror_for_path (state, error, terrind_py_path_errno (path, TRUE), filename);
  else if (!ok)
    terrind_py_raise_gerror (state, error);
  return ok;
}

/* Whether @file is a text file (io.TextIOBase), which write() takes a str
 * of; any other file object is written bytes. */
static int
file_is_text (PyObject *file)
{
  PyObject *io = PyImport_ImportModule ("io");
  PyObject *text_base = io != NULL ? PyObject_GetAttrString (io, "TextIOBase") : NULL;
  int ret = text_base != NULL ? PyObject_IsInstance (file, text_base) : -1;

  Py_XDECREF (io);
  Py_XDECREF (text_base);
  return ret;
}

/* Writes all of @data with @file's write(), which may write less than
 * asked (a raw file) or run any code: the registry is not used any more. */
static int
file_write_all (PyObject *file,
                PyObject *data)
{
  Py_ssize_t length = PyUnicode_Check (data) ? PyUnicode_GET_LENGTH (data) : PyBytes_GET_SIZE (data);
  Py_ssize_t done = 0;

  while (done < length)
    {
      PyObject *rest = PyUnicode_Check (data) ? PyUnicode_Substring (data, done, length)
                                              : PyBytes_FromStringAndSize (PyBytes_AS_STRING (data) + done,
                                                                           length - done);
      PyObject *written = rest != NULL ? PyObject_CallMethod (file, "write", "O", rest) : NULL;
      Py_ssize_t n;

      Py_XDECREF (rest);
      if (written == NULL)
        return -1;
      /* None from a raw file in non-blocking mode, or from a writer that
       * does not count: take it as written whole. */
      n = written == Py_None ? length - done : PyLong_AsSsize_t (written);
      Py_DECREF (written);
      if (n == -1 && PyErr_Occurred ())
        return -1;
      if (n <= 0)
        {
          PyErr_SetString (PyExc_OSError, "the file's write() wrote nothing");
          return -1;
        }
      done += n;
    }
  return 0;
}

static PyObject *
registry_save (PyObject *self,
               PyObject *args,
               PyObject *kwargs)
{
  static const char *const keywords[] = { "path", NULL };
  PyObject *target;
  PyObject *path_bytes = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  PyObject *document;
  int is_text;
  gboolean ok;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O:save", TERRIND_PY_KEYWORDS (keywords), &target))
    return NULL;
  if (registry_is_path (target))
    {
      /* os.fspath() may run any code: convert before the registry is used. */
      if (!PyUnicode_FSConverter (target, &path_bytes))
        return NULL;
      ok = registry_export (self, PyBytes_AS_STRING (path_bytes), target, NULL, NULL);
      Py_DECREF (path_bytes);
      if (!ok)
        return NULL;
      Py_RETURN_NONE;
    }
  if (!PyObject_HasAttrString (target, "write"))
    {
      PyErr_Format (PyExc_TypeError, "target must be a path or a file object, not %.100s",
                    Py_TYPE (target)->tp_name);
      return NULL;
    }
  /* Ask the file first (it may run code), export, and only then write:
   * write() may close this registry, which no longer matters. */
  is_text = file_is_text (target);
  if (is_text < 0 || !registry_export (self, NULL, NULL, &data, &length))
    return NULL;
  document = is_text ? PyUnicode_DecodeUTF8 (data, length, "strict")
                     : PyBytes_FromStringAndSize (data, length);
  g_clear_pointer (&data, g_free);
  if (document == NULL)
    return NULL;
  ok = file_write_all (target, document) == 0;
  Py_DECREF (document);
  if (!ok)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *
registry_to_string (PyObject *self,
                    PyObject *unused)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!registry_export (self, NULL, NULL, &data, &length))
    return NULL;
  return PyUnicode_DecodeUTF8 (data, length, "strict");
}

static PyObject *
registry_to_bytes (PyObject *self,
                   PyObject *unused)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!registry_export (self, NULL, NULL, &data, &length))
    return NULL;
  return PyBytes_FromStringAndSize (data, length);
}

static PyObject *
registry_close (PyObject *self,
                PyObject *unused)
{
  TerrindPyRegistry *reg = REGISTRY (self);

  /* Never free what an exporter in another thread is reading. */
  if (terrind_py_busy_check (terrind_py_state_of (self), reg->registry, TERRIND_PY_WRITE) < 0)
    return NULL;
  /* Entities keep their own C references: closing only makes them refuse
   * to be used, it never frees what a wrapper points to. */
  g_clear_pointer (&reg->registry, terrind_registry_unref);
  Py_RETURN_NONE;
}

static PyObject *
registry_enter (PyObject *self,
                PyObject *unused)
{
  if (terrind_py_registry_get (self, TERRIND_PY_READ) == NULL)
    return NULL;
  return terrind_py_new_ref (self);
}

static PyObject *
registry_exit (PyObject *self,
               PyObject *args)
{
  PyObject *result = registry_close (self, NULL);

  if (result == NULL)
    return NULL;
  Py_DECREF (result);
  Py_RETURN_FALSE;
}

static PyObject *
registry_get_closed (PyObject *self,
                     void     *closure)
{
  return PyBool_FromLong (REGISTRY (self)->registry == NULL);
}

/*
 * terrind_py_registry_add:
 *
 * Adds any entity wrapper to the registry; the wrapper then belongs to the
 * registry (and is invalidated when it is closed).
 *
 * Returns: 0, or -1 with an exception set.
 */
int
terrind_py_registry_add (PyObject *self,
                         PyObject *entity)
{
  TerrindPyState *state = terrind_py_state_of (self);
  TerrindRegistry *registry = terrind_py_registry_get (self, TERRIND_PY_WRITE);
  g_autoptr(GError) error = NULL;
  TerrindPyEntity *wrapper = (TerrindPyEntity *) entity;
  gboolean ok;

  if (registry == NULL)
    return -1;
  if (Py_TYPE (entity) == state->types[TERRIND_PY_PHASE])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_phase (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_REGION])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_region (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_TERRITORY])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_territory (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_OPERATOR])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_operator (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_CONVENTION])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_convention (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_REFERENT])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_referent (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_DESIGNATION])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_designation (registry, wrapper->handle, &error);
  else if (Py_TYPE (entity) == state->types[TERRIND_PY_INVESTMENT])
    ok = terrind_py_entity_check (wrapper, TERRIND_PY_WRITE) == 0 &&
         terrind_registry_add_investment (registry, wrapper->handle, &error);
  else
    {
      PyErr_Format (PyExc_TypeError,
                    "a registry holds phases, regions, territories, operators, conventions "
                    "referents, designations and investments, not %.100s", Py_TYPE (entity)->tp_name);
      return -1;
    }
  if (!ok)
    {
      if (error != NULL)
        terrind_py_raise_gerror (state, error);
      return -1;
    }
  terrind_py_entity_set_owner (wrapper, self);
  return 0;
}

static PyObject *
registry_add (PyObject *self,
              PyObject *args,
              PyObject *kwargs)
{
  PyObject *entity;

  if (terrind_py_parse_one (args, kwargs, "add", "entity", &entity) < 0)
    return NULL;
  if (terrind_py_registry_add (self, entity) < 0)
    return NULL;
  Py_RETURN_NONE;
}

static PyObject *
registry_get_view (PyObject *self,
                   void     *closure)
{
  if (terrind_py_registry_get (self, TERRIND_PY_READ) == NULL)
    return NULL;
  return terrind_py_collection_new (terrind_py_state_of (self), self,
                                    (TerrindPyView) GPOINTER_TO_INT (closure));
}

/* The queries say "unknown" (NULL) apart from "none" (an empty list):
 * an unknown id raises NotFoundError, which is also a LookupError. */
static PyObject *
registry_raise_unknown (PyObject   *self,
                        const char *what,
                        const char *id)
{
  g_autofree char *message = g_strdup_printf ("no %s “%s” in the registry", what, id);

  return terrind_py_raise_code (terrind_py_state_of (self), TERRIND_ERROR_NOT_FOUND, message);
}

/* The queries that return a listing all take one id. */
typedef GPtrArray *(*RegistryQuery) (TerrindRegistry *registry,
                                     const char      *id);

static PyObject *
registry_query (PyObject      *self,
                PyObject      *arg,
                const char    *what,
                TerrindPyKind  kind,
                RegistryQuery  query)
{
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) array = NULL;
  const char *id;

  if (terrind_py_to_utf8 (arg, FALSE, what, &id) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  array = query (registry, id);
  if (array == NULL)
    return registry_raise_unknown (self, what, id);
  terrind_py_kind_ref_all (kind, array);
  return terrind_py_list_to_python (terrind_py_state_of (self), kind, array, self);
}

static PyObject *
registry_territories_in_region (PyObject *self,
                                PyObject *args,
                                PyObject *kwargs)
{
  PyObject *code;

  if (terrind_py_parse_one (args, kwargs, "territories_in_region", "region", &code) < 0)
    return NULL;
  return registry_query (self, code, "region", TERRIND_PY_TERRITORY,
                         terrind_registry_list_territories_in_region);
}

static PyObject *
registry_conventions_of_operator (PyObject *self,
                                  PyObject *args,
                                  PyObject *kwargs)
{
  PyObject *id;

  if (terrind_py_parse_one (args, kwargs, "conventions_of_operator", "operator", &id) < 0)
    return NULL;
  return registry_query (self, id, "operator", TERRIND_PY_CONVENTION,
                         terrind_registry_list_conventions_of_operator);
}

static PyObject *
registry_referents_of_territory (PyObject *self,
                                 PyObject *args,
                                 PyObject *kwargs)
{
  PyObject *id;

  if (terrind_py_parse_one (args, kwargs, "referents_of_territory", "territory", &id) < 0)
    return NULL;
  return registry_query (self, id, "territory", TERRIND_PY_REFERENT,
                         terrind_registry_list_referents_of_territory);
}

static PyObject *
registry_referents_of_operator (PyObject *self,
                                PyObject *args,
                                PyObject *kwargs)
{
  PyObject *id;

  if (terrind_py_parse_one (args, kwargs, "referents_of_operator", "operator", &id) < 0)
    return NULL;
  return registry_query (self, id, "operator", TERRIND_PY_REFERENT,
                         terrind_registry_list_referents_of_operator);
}

/* registry.territories_without_referent(operator, phase=None): of one
 * phase when given. Arguments first, then the query and its references,
 * as registry_query() does. */
static PyObject *
registry_territories_without_referent (PyObject *self,
                                       PyObject *args,
                                       PyObject *kwargs)
{
  static const char *const keywords[] = { "operator", "phase", NULL };
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) array = NULL;
  PyObject *operator_arg;
  PyObject *phase_arg = Py_None;
  const char *id;
  guint phase = 0;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "O|O:territories_without_referent",
                                    TERRIND_PY_KEYWORDS (keywords), &operator_arg, &phase_arg) ||
      terrind_py_to_utf8 (operator_arg, FALSE, "operator", &id) < 0 ||
      (phase_arg != Py_None && terrind_py_to_uint (phase_arg, "phase", &phase) < 0) ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  array = phase_arg != Py_None
    ? terrind_registry_list_territories_without_referent_in_phase (registry, id, phase, NULL)
    : terrind_registry_list_territories_without_referent (registry, id);
  if (array == NULL)
    return registry_raise_unknown (self, "operator", id);
  terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, array);
  return terrind_py_list_to_python (terrind_py_state_of (self), TERRIND_PY_TERRITORY, array, self);
}

/* @handle: (transfer none) (nullable): straight from the C query. */
static PyObject *
registry_wrap_or_none (PyObject      *self,
                       TerrindPyKind  kind,
                       gpointer       handle)
{
  if (handle == NULL)
    Py_RETURN_NONE;
  return terrind_py_entity_wrap (terrind_py_state_of (self), kind, handle, self);
}

static PyObject *
registry_referent_for (PyObject *self,
                       PyObject *args,
                       PyObject *kwargs)
{
  static const char *const keywords[] = { "operator", "territory", NULL };
  TerrindRegistry *registry;
  const char *operator_id;
  const char *territory_id;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "ss:referent_for", TERRIND_PY_KEYWORDS (keywords),
                                    &operator_id, &territory_id) ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  return registry_wrap_or_none (self, TERRIND_PY_REFERENT,
                                terrind_registry_get_referent_for (registry, operator_id, territory_id));
}

static PyObject *
registry_find_territory_by_member (PyObject *self,
                                   PyObject *args,
                                   PyObject *kwargs)
{
  TerrindRegistry *registry;
  const char *siren;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "find_territory_by_member", "siren", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "siren", &siren) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  return registry_wrap_or_none (self, TERRIND_PY_TERRITORY,
                                terrind_registry_find_territory_by_member (registry, siren));
}

static PyObject *
registry_get_commitment (PyObject *self,
                         PyObject *args,
                         PyObject *kwargs)
{
  TerrindRegistry *registry;
  const char *id;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "get_commitment", "id", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "id", &id) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  return registry_wrap_or_none (self, TERRIND_PY_COMMITMENT,
                                terrind_registry_get_commitment (registry, id));
}

/* registry.to_dicts(kind): entity.to_dict() of every entity of a kind
 * (its name in the description, as terrind.kinds() lists them), in id
 * order: what pandas.DataFrame() takes. The listing holds a reference on
 * every entity before the first wrapper is made. */
static PyObject *
registry_to_dicts (PyObject *self,
                   PyObject *args,
                   PyObject *kwargs)
{
  static const char *const keywords[] = { "kind", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  g_autoptr(GPtrArray) listing = NULL;
  const TerrindKind *description;
  TerrindRegistry *registry;
  const char *name;
  guint kind = 0;
  PyObject *list;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "s:to_dicts", TERRIND_PY_KEYWORDS (keywords), &name))
    return NULL;
  description = terrind_model_lookup_kind (name);
  while (kind < TERRIND_PY_N_KINDS && terrind_py_kind_description (kind) != description)
    kind++;
  if (description == NULL || kind == TERRIND_PY_N_KINDS)
    {
      PyErr_Format (PyExc_ValueError, "no kind of entity is called '%s' (see terrind.kinds())", name);
      return NULL;
    }
  if ((registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  listing = terrind_registry_list (registry, description);
  terrind_py_kind_ref_all (kind, listing);
  list = PyList_New (listing->len);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < listing->len; i++)
    {
      PyObject *entity = terrind_py_entity_wrap (state, kind, g_ptr_array_index (listing, i), self);
      PyObject *dict = entity != NULL ? terrind_py_entity_to_dict (entity) : NULL;

      Py_XDECREF (entity);
      if (dict == NULL)
        {
          Py_DECREF (list);
          return NULL;
        }
      PyList_SET_ITEM (list, i, dict);
    }
  return list;
}

/* The phase queries (since 1.1). Each converts its arguments first, then
 * reads the registry, runs the C query and takes its references with
 * nothing in between that can allocate. */

/* registry.territories_in_phase(number): empty for a phase with none. */
static PyObject *
registry_territories_in_phase (PyObject *self,
                               PyObject *args,
                               PyObject *kwargs)
{
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) array = NULL;
  guint phase;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "territories_in_phase", "phase", &arg) < 0)
    return NULL;
  if (terrind_py_to_uint (arg, "phase", &phase) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  array = terrind_registry_list_territories_in_phase (registry, phase);
  terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, array);
  return terrind_py_list_to_python (terrind_py_state_of (self), TERRIND_PY_TERRITORY, array, self);
}

/* registry.find_territory_by_anct_id(anct_id, phase): the territory or None */
static PyObject *
registry_find_territory_by_anct_id (PyObject *self,
                                    PyObject *args,
                                    PyObject *kwargs)
{
  static const char *const keywords[] = { "anct_id", "phase", NULL };
  TerrindRegistry *registry;
  PyObject *anct_arg;
  PyObject *phase_arg;
  const char *anct_id;
  guint phase;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "OO:find_territory_by_anct_id",
                                    TERRIND_PY_KEYWORDS (keywords), &anct_arg, &phase_arg) ||
      terrind_py_to_utf8 (anct_arg, FALSE, "anct_id", &anct_id) < 0 ||
      terrind_py_to_uint (phase_arg, "phase", &phase) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  return registry_wrap_or_none (self, TERRIND_PY_TERRITORY,
                                terrind_registry_find_territory_by_anct_id (registry, anct_id, phase));
}

/* registry.territories_by_anct_id(anct_id): in order of phase */
static PyObject *
registry_territories_by_anct_id (PyObject *self,
                                 PyObject *args,
                                 PyObject *kwargs)
{
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) array = NULL;
  const char *anct_id;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "territories_by_anct_id", "anct_id", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "anct_id", &anct_id) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  array = terrind_registry_list_territories_by_anct_id (registry, anct_id);
  terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, array);
  return terrind_py_list_to_python (terrind_py_state_of (self), TERRIND_PY_TERRITORY, array, self);
}

/* registry.territories_by_member(siren): every territory the EPCI is a
 * member of, of any phase */
static PyObject *
registry_territories_by_member (PyObject *self,
                                PyObject *args,
                                PyObject *kwargs)
{
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) array = NULL;
  const char *siren;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "territories_by_member", "siren", &arg) < 0)
    return NULL;
  if (terrind_py_to_utf8 (arg, FALSE, "siren", &siren) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  array = terrind_registry_list_territories_by_member (registry, siren);
  terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, array);
  return terrind_py_list_to_python (terrind_py_state_of (self), TERRIND_PY_TERRITORY, array, self);
}

/* registry.related_territories(territory): a Territory or its id; the
 * registry's territory of that id is the one asked about (the C query
 * takes only a territory of the registry), NotFoundError when there is
 * none. */
static PyObject *
registry_related_territories (PyObject *self,
                              PyObject *args,
                              PyObject *kwargs)
{
  TerrindPyState *state = terrind_py_state_of (self);
  TerrindRegistry *registry;
  TerrindTerritory *territory;
  g_autoptr(GPtrArray) array = NULL;
  const char *id;
  PyObject *arg;

  if (terrind_py_parse_one (args, kwargs, "related_territories", "territory", &arg) < 0)
    return NULL;
  if (Py_TYPE (arg) == state->types[TERRIND_PY_TERRITORY])
    {
      /* A territory's id never changes; the wrapper's reference keeps it. */
      if (terrind_py_entity_check ((TerrindPyEntity *) arg, TERRIND_PY_READ) < 0)
        return NULL;
      id = terrind_territory_get_id (((TerrindPyEntity *) arg)->handle);
    }
  else if (!PyUnicode_Check (arg))
    {
      PyErr_Format (PyExc_TypeError, "territory must be a Territory or its id (a str), not %.100s",
                    Py_TYPE (arg)->tp_name);
      return NULL;
    }
  else if (terrind_py_to_utf8 (arg, FALSE, "territory", &id) < 0)
    return NULL;
  if ((registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  territory = terrind_registry_get_territory (registry, id);
  if (territory == NULL)
    return registry_raise_unknown (self, "territory", id);
  array = terrind_registry_list_related_territories (registry, territory);
  terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, array);
  return terrind_py_list_to_python (state, TERRIND_PY_TERRITORY, array, self);
}

/* registry.phase_on(date=None): the phase whose years include the date's
 * year (today's when None), the latest when several do; None when none */
static PyObject *
registry_phase_on (PyObject *self,
                   PyObject *args,
                   PyObject *kwargs)
{
  static const char *const keywords[] = { "date", NULL };
  TerrindRegistry *registry;
  PyObject *date_arg = Py_None;
  const char *date;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "|O:phase_on", TERRIND_PY_KEYWORDS (keywords),
                                    &date_arg) ||
      terrind_py_to_utf8 (date_arg, TRUE, "date", &date) < 0 ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  return registry_wrap_or_none (self, TERRIND_PY_PHASE,
                                terrind_registry_get_phase_on (registry, date));
}

static void
listing_free (gpointer listing)
{
  g_ptr_array_unref (listing);
}

/*
 * registry.coverage(region=None, phase=None): for every operator, the
 * territories (of @region, or of all regions; of @phase, or of every
 * phase) that still lack that operator's referent. Only the region filter
 * is done here; the C queries do the rest. Every
 * query runs, and takes its references, before the first Python object is
 * made: a finalizer run by that allocation may close the registry.
 */
static PyObject *
registry_coverage (PyObject *self,
                   PyObject *args,
                   PyObject *kwargs)
{
  static const char *const keywords[] = { "region", "phase", NULL };
  TerrindPyState *state = terrind_py_state_of (self);
  PyObject *phase_arg = Py_None;
  guint phase = 0;
  TerrindRegistry *registry;
  g_autoptr(GPtrArray) operators = NULL;
  g_autoptr(GPtrArray) missing = NULL;   /* one held listing per operator */
  const char *region = NULL;
  PyObject *result;
  guint i;

  if (!PyArg_ParseTupleAndKeywords (args, kwargs, "|zO:coverage", TERRIND_PY_KEYWORDS (keywords),
                                    &region, &phase_arg) ||
      (phase_arg != Py_None && terrind_py_to_uint (phase_arg, "phase", &phase) < 0) ||
      (registry = terrind_py_registry_get (self, TERRIND_PY_READ)) == NULL)
    return NULL;
  if (region != NULL && terrind_registry_get_region (registry, region) == NULL)
    return registry_raise_unknown (self, "region", region);
  operators = terrind_registry_list_operators (registry);
  terrind_py_kind_ref_all (TERRIND_PY_OPERATOR, operators);
  missing = g_ptr_array_new_full (operators->len, listing_free);
  for (i = 0; i < operators->len; i++)
    {
      const char *op_id = terrind_operator_get_id (g_ptr_array_index (operators, i));
      GPtrArray *list = phase_arg != Py_None
        ? terrind_registry_list_territories_without_referent_in_phase (registry, op_id, phase, NULL)
        : terrind_registry_list_territories_without_referent (registry, op_id);
      guint j;

      terrind_py_kind_ref_all (TERRIND_PY_TERRITORY, list);
      if (region != NULL)
        for (j = list->len; j > 0; j--)
          if (g_strcmp0 (terrind_territory_get_region_code (g_ptr_array_index (list, j - 1)), region) != 0)
            g_ptr_array_remove_index (list, j - 1);
      g_ptr_array_add (missing, list);
    }

  result = PyDict_New ();
  if (result == NULL)
    return NULL;
  for (i = 0; i < operators->len; i++)
    {
      /* An operator's id never changes, and @operators holds the operator. */
      const char *op_id = terrind_operator_get_id (g_ptr_array_index (operators, i));
      PyObject *list = terrind_py_list_to_python (state, TERRIND_PY_TERRITORY,
                                                  g_ptr_array_index (missing, i), self);
      int ret;

      if (list == NULL)
        {
          Py_DECREF (result);
          return NULL;
        }
      ret = PyDict_SetItemString (result, op_id, list);
      Py_DECREF (list);
      if (ret < 0)
        {
          Py_DECREF (result);
          return NULL;
        }
    }
  return result;
}

static PyObject *
registry_richcompare (PyObject *a,
                      PyObject *b,
                      int       op)
{
  TerrindRegistry *ra;
  TerrindRegistry *rb;
  gboolean equal;

  if ((op != Py_EQ && op != Py_NE) || Py_TYPE (a) != Py_TYPE (b))
    Py_RETURN_NOTIMPLEMENTED;
  ra = terrind_py_registry_get (a, TERRIND_PY_READ);
  rb = ra != NULL ? terrind_py_registry_get (b, TERRIND_PY_READ) : NULL;
  if (ra == NULL || rb == NULL)
    return NULL;
  equal = ra == rb || terrind_registry_equal (ra, rb);
  if (equal == (op == Py_EQ))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

static PyObject *
registry_repr (PyObject *self)
{
  TerrindRegistry *registry = REGISTRY (self)->registry;

  if (registry == NULL)
    return PyUnicode_FromString ("<terrind.Registry (closed)>");
  if (terrind_py_busy_check (terrind_py_state_of (self), registry, TERRIND_PY_READ) < 0)
    {
      PyErr_Clear ();
      return PyUnicode_FromString ("<terrind.Registry (busy)>");
    }
  return PyUnicode_FromFormat ("<terrind.Registry: %u regions, %u territories, %u operators, "
                               "%u conventions, %u referents>",
                               terrind_registry_get_n_regions (registry),
                               terrind_registry_get_n_territories (registry),
                               terrind_registry_get_n_operators (registry),
                               terrind_registry_get_n_conventions (registry),
                               terrind_registry_get_n_referents (registry));
}

#define LIMITS_DOC \
  "The keyword-only limits (max_bytes, max_depth, max_value_length,\n" \
  "max_elements) tighten or loosen the library's import limits; beyond\n" \
  "them the import fails with LimitExceededError. The import runs with the\n" \
  "GIL released and is all or nothing.\n"

static PyMethodDef registry_methods[] = {
  { "default", registry_default, METH_NOARGS | METH_CLASS,
    "default($type, /)\n--\n\n"
    "A new registry holding the dataset embedded in the library: the\n"
    "operators, conventions, commitments, regions and territories of the\n"
    "programme." },
  { "load", (PyCFunction) (void (*) (void)) registry_load, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
    "load($type, /, source, *, max_bytes=None, max_depth=None, max_value_length=None,\n"
    "     max_elements=None)\n--\n\n"
    "A new registry read from an XML file: source is a path (str, bytes or\n"
    "os.PathLike) or a file object, binary or text (read() returning bytes\n"
    "or str). Registry(source) is the same.\n"
    LIMITS_DOC
    "Raises ParseError (with file, line and column), SchemaError,\n"
    "UnsupportedVersionError, LimitExceededError, TerrindIOError, or the\n"
    "error of the first invalid value." },
  { "from_string", (PyCFunction) (void (*) (void)) registry_from_string,
    METH_VARARGS | METH_KEYWORDS | METH_CLASS,
    "from_string($type, /, text, *, max_bytes=None, max_depth=None, max_value_length=None,\n"
    "            max_elements=None)\n--\n\n"
    "A new registry read from a document in a str or bytes.\n" LIMITS_DOC },
  { "save", (PyCFunction) (void (*) (void)) registry_save, METH_VARARGS | METH_KEYWORDS,
    "save($self, /, path)\n--\n\n"
    "Write the registry in the canonical form to path: a path (str,\n"
    "bytes or os.PathLike) or a file object, binary (written UTF-8 bytes)\n"
    "or text (io.TextIOBase, written a str). A regular file is\n"
    "replaced atomically, keeping its mode (on any failure the old file is\n"
    "left as it was); a symbolic link is followed; a FIFO or a character\n"
    "device is written into; anything else is refused. Runs with the GIL\n"
    "released; meanwhile other threads may read this registry, but get\n"
    "BusyError if they change or close it." },
  { "to_string", registry_to_string, METH_NOARGS,
    "to_string($self, /)\n--\n\nThe registry as a canonical XML document (a str)." },
  { "to_bytes", registry_to_bytes, METH_NOARGS,
    "to_bytes($self, /)\n--\n\nThe registry as a canonical XML document, UTF-8 encoded." },
  { "close", registry_close, METH_NOARGS,
    "close($self, /)\n--\n\n"
    "Release the registry. Closing twice is harmless. Afterwards the\n"
    "registry, its collections and every entity reached through it raise\n"
    "ClosedError." },
  { "__enter__", registry_enter, METH_NOARGS,
    "__enter__($self, /)\n--\n\nReturn the registry itself." },
  { "__exit__", registry_exit, METH_VARARGS,
    "__exit__($self, exc_type, exc, tb, /)\n--\n\nClose the registry." },
  { "add", (PyCFunction) (void (*) (void)) registry_add, METH_VARARGS | METH_KEYWORDS,
    "add($self, /, entity)\n--\n\n"
    "Add a Region, Territory, Operator, Convention or Referent that belongs\n"
    "to no registry yet; it is checked (unique id, references resolve, one\n"
    "referent per (operator, territory)) and nothing changes if it fails.\n"
    "The same as registry.<collection>.add(entity)." },
  { "import_csv", (PyCFunction) (void (*) (void)) terrind_py_registry_import_csv, METH_VARARGS | METH_KEYWORDS, "import_csv($self, /, source, kind=None, *, replace=False, separator=None, max_errors=None)\n--\n\nAdd the rows of a CSV file (a path or a file object) to the registry, all or nothing (docs/format.md, \"CSV\"); returns the number of rows. The error of bad rows lists each in its problems attribute." },
  { "export_csv", (PyCFunction) (void (*) (void)) terrind_py_registry_export_csv, METH_VARARGS | METH_KEYWORDS, "export_csv($self, /, kind, *, excel=False, path=None)\n--\n\nThe entities of kind as CSV (a str), or written to path; excel: a BOM, ';' and CRLF." },
  { "to_dicts", (PyCFunction) (void (*) (void)) registry_to_dicts, METH_VARARGS | METH_KEYWORDS,
    "to_dicts($self, /, kind)\n--\n\n"
    "A list of entity.to_dict() for every entity of kind (\"territory\",\n"
    "\"referent\"..., the names of terrind.kinds()), in id order:\n"
    "pandas.DataFrame(reg.to_dicts(\"referent\")) is a table of the referents." },
  { "transaction", terrind_py_registry_transaction, METH_NOARGS,
    "transaction($self, /)\n--\n\n"
    "Open a Transaction: edits that land together or not at all. Used as\n"
    "'with reg.transaction() as tx:', it commits when the block ends and\n"
    "rolls back when it raises. Meanwhile the registry's own mutations\n"
    "raise InUseError." },
  { "get_commitment", (PyCFunction) (void (*) (void)) registry_get_commitment, METH_VARARGS | METH_KEYWORDS,
    "get_commitment($self, /, id)\n--\n\nThe commitment with this id in any convention, or None." },
  { "territories_in_region", (PyCFunction) (void (*) (void)) registry_territories_in_region, METH_VARARGS | METH_KEYWORDS,
    "territories_in_region($self, /, region)\n--\n\n"
    "The territories of a region (a list, sorted by id).\n"
    "Raises NotFoundError for a region not in the registry." },
  { "conventions_of_operator", (PyCFunction) (void (*) (void)) registry_conventions_of_operator, METH_VARARGS | METH_KEYWORDS,
    "conventions_of_operator($self, /, operator)\n--\n\n"
    "The conventions of an operator (a list).\n"
    "Raises NotFoundError for an operator not in the registry." },
  { "referents_of_territory", (PyCFunction) (void (*) (void)) registry_referents_of_territory, METH_VARARGS | METH_KEYWORDS,
    "referents_of_territory($self, /, territory)\n--\n\n"
    "The referents named for a territory (a list).\n"
    "Raises NotFoundError for a territory not in the registry." },
  { "referents_of_operator", (PyCFunction) (void (*) (void)) registry_referents_of_operator, METH_VARARGS | METH_KEYWORDS,
    "referents_of_operator($self, /, operator)\n--\n\n"
    "The referents an operator named (a list).\n"
    "Raises NotFoundError for an operator not in the registry." },
  { "referent_for", (PyCFunction) (void (*) (void)) registry_referent_for, METH_VARARGS | METH_KEYWORDS,
    "referent_for($self, /, operator, territory)\n--\n\n"
    "The referent of this operator for this territory, or None." },
  { "territories_without_referent", (PyCFunction) (void (*) (void)) registry_territories_without_referent,
    METH_VARARGS | METH_KEYWORDS,
    "territories_without_referent($self, /, operator, phase=None)\n--\n\n"
    "The territories (of phase, when given: a number) that still lack a\n"
    "referent of this operator in office today (a list). Raises NotFoundError\n"
    "for an operator not in the registry." },
  { "find_territory_by_member", (PyCFunction) (void (*) (void)) registry_find_territory_by_member, METH_VARARGS | METH_KEYWORDS,
    "find_territory_by_member($self, /, siren)\n--\n\n"
    "The territory that has this EPCI as a member, or None." },
  { "territories_in_phase", (PyCFunction) (void (*) (void)) registry_territories_in_phase, METH_VARARGS | METH_KEYWORDS,
    "territories_in_phase($self, /, phase)\n--\n\n"
    "The territories of a phase, by number (a list, sorted by id; empty when\n"
    "there are none)." },
  { "find_territory_by_anct_id", (PyCFunction) (void (*) (void)) registry_find_territory_by_anct_id,
    METH_VARARGS | METH_KEYWORDS,
    "find_territory_by_anct_id($self, /, anct_id, phase)\n--\n\n"
    "The territory with this ANCT id in this phase, or None." },
  { "territories_by_anct_id", (PyCFunction) (void (*) (void)) registry_territories_by_anct_id, METH_VARARGS | METH_KEYWORDS,
    "territories_by_anct_id($self, /, anct_id)\n--\n\n"
    "Every territory with this ANCT id, one per phase at most, in order of\n"
    "phase (a list; empty when there are none)." },
  { "territories_by_member", (PyCFunction) (void (*) (void)) registry_territories_by_member, METH_VARARGS | METH_KEYWORDS,
    "territories_by_member($self, /, siren)\n--\n\n"
    "Every territory that has this EPCI as a member, in any phase (a list)." },
  { "related_territories", (PyCFunction) (void (*) (void)) registry_related_territories, METH_VARARGS | METH_KEYWORDS,
    "related_territories($self, /, territory)\n--\n\n"
    "The territories of other phases that share a member with this one (a\n"
    "Territory or its id), by phase then id. Raises NotFoundError for a\n"
    "territory not in the registry." },
  { "phase_on", (PyCFunction) (void (*) (void)) registry_phase_on, METH_VARARGS | METH_KEYWORDS,
    "phase_on($self, /, date=None)\n--\n\n"
    "The phase running on this date (YYYY-MM-DD; today when None), or None." },
  { "coverage", (PyCFunction) (void (*) (void)) registry_coverage, METH_VARARGS | METH_KEYWORDS,
    "coverage($self, /, region=None, phase=None)\n--\n\n"
    "For every operator id, the list of territories (of region and of phase,\n"
    "when given) that still lack that operator's referent. The phase running\n"
    "today is phase_on().number. Raises NotFoundError for a region not in\n"
    "the registry." },
  { "evaluate", (PyCFunction) (void (*) (void)) terrind_py_registry_evaluate,
    METH_VARARGS | METH_KEYWORDS,
    "evaluate($self, /, date=None, year=None, phase=None)\n--\n\n"
    "Where each commitment stands, measured against the records (referents,\n"
    "designations, investments): a list of Finding, in order of convention,\n"
    "commitment, year and measure. date (YYYY-MM-DD, today when None) is the\n"
    "day whose referents in office count and whose year separates the years\n"
    "that are over from the pending ones; year keeps that year's findings and\n"
    "the whole-period ones that include it; phase keeps the conventions of\n"
    "that phase. Raises InvalidValueError for an invalid date or a year\n"
    "outside 1900-2200, NotFoundError for a phase the registry does not\n"
    "define. The result is a copy: it does not change with the registry." },
  { NULL, NULL, 0, NULL },
};

static PyGetSetDef registry_getset[] = {
  { "closed", registry_get_closed, NULL, "Whether close() was called.", NULL },
  { "phases", registry_get_view, NULL,
    "A live view of the phases, by number (an int, or its text).",
    GINT_TO_POINTER (TERRIND_PY_VIEW_PHASES) },
  { "regions", registry_get_view, NULL,
    "A live view of the regions, by code.", GINT_TO_POINTER (TERRIND_PY_VIEW_REGIONS) },
  { "territories", registry_get_view, NULL,
    "A live view of the territories, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_TERRITORIES) },
  { "operators", registry_get_view, NULL,
    "A live view of the operators, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_OPERATORS) },
  { "conventions", registry_get_view, NULL,
    "A live view of the conventions, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_CONVENTIONS) },
  { "referents", registry_get_view, NULL,
    "A live view of the referents, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_REFERENTS) },
  { "designations", registry_get_view, NULL,
    "A live view of the designations, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_DESIGNATIONS) },
  { "investments", registry_get_view, NULL,
    "A live view of the investments, by id.", GINT_TO_POINTER (TERRIND_PY_VIEW_INVESTMENTS) },
  { NULL, NULL, NULL, NULL, NULL },
};

static PyType_Slot registry_slots[] = {
  { Py_tp_doc, (void *)
    "Registry(source=None, *, max_bytes=None, max_depth=None,\n"
    "         max_value_length=None, max_elements=None)\n--\n\n"
    "The registry that holds and checks every entity. Registry() is empty;\n"
    "Registry(source) is load(source); see also default() and from_string().\n\n"
    "A registry is a context manager that closes it on exit. Collections\n"
    "(regions, territories, operators, conventions, referents) are live\n"
    "views with len(), iteration, 'in' and [id] lookup (KeyError when\n"
    "missing). Registries compare equal when they hold equal entities.\n\n"
    "A registry may be read from several threads, also while one of them\n"
    "saves or exports it (with the GIL released); changing or closing it\n"
    "meanwhile raises BusyError." },
  { Py_tp_new, registry_new },
  { Py_tp_dealloc, registry_dealloc },
  { Py_tp_richcompare, registry_richcompare },
  { Py_tp_repr, registry_repr },
  { Py_tp_methods, registry_methods },
  { Py_tp_getset, registry_getset },
  { 0, NULL },
};

PyType_Spec terrind_py_registry_spec = {
  .name = "terrind.Registry",
  .basicsize = sizeof (TerrindPyRegistry),
  .flags = Py_TPFLAGS_DEFAULT,
  .slots = registry_slots,
};
