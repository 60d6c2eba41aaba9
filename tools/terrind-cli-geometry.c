/* terrind-cli-geometry.c: reading the shapes terrind map draws
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The file is the GeoJSON that data/make-geometry.py writes: a
 * FeatureCollection marked "terrind-geometry": 1 whose features are region
 * outlines (layer "region", code, name) or territory shapes (layer
 * "territory", phase, id, region), each a Polygon or MultiPolygon. It may
 * come from anywhere (--geometry), so every node is checked for its type
 * before it is read, and the sizes are bounded before anything is parsed.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <terrind.h>

#include "terrind-cli-geometry.h"

#define GEOMETRY_FORMAT_VERSION 1

/* The shipped file is about 0.5 MB; these leave room for finer shapes. */
#define MAX_FILE_SIZE (64 * 1024 * 1024)
#define MAX_POINTS    (8 * 1024 * 1024)
/* GeoJSON needs six levels (collection, features, MultiPolygon, polygon,
 * ring, point); the bound keeps a hostile nesting from reaching the
 * parser, which recurses. */
#define MAX_DEPTH     16

struct _TerrindCliGeometry {
  GPtrArray  *regions;      /* TerrindCliShape, sorted by code */
  GHashTable *region_index; /* code → shape */
  GHashTable *territories;  /* "PHASE:ID" → shape */
  GPtrArray  *shapes;       /* every shape, owning */
  guint       n_points;
};

static void
shape_free (TerrindCliShape *shape)
{
  for (guint i = 0; i < shape->n_rings; i++)
    g_free (shape->rings[i].points);
  g_free (shape->rings);
  g_free (shape->region);
  g_free (shape->name);
  g_free (shape);
}

void
terrind_cli_geometry_free (TerrindCliGeometry *geometry)
{
  if (geometry == NULL)
    return;
  g_ptr_array_unref (geometry->regions);
  g_hash_table_unref (geometry->region_index);
  g_hash_table_unref (geometry->territories);
  g_ptr_array_unref (geometry->shapes);
  g_free (geometry);
}

const char *
terrind_cli_geometry_default_path (void)
{
  const char *path = g_getenv ("TERRIND_GEOMETRY");

  return path != NULL && *path != '\0' ? path : TERRIND_GEOMETRY_FILE;
}

static gboolean
fail (GError    **error,
      guint       feature,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

/* @feature counts from 1; 0 is the file as a whole. */
static gboolean
fail (GError    **error,
      guint       feature,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (feature > 0)
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_PARSE,
                 "not a terrind geometry file: feature %u: %s", feature, message);
  else
    g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_PARSE,
                 "not a terrind geometry file: %s", message);
  return FALSE;
}

/* Nesting deeper than MAX_DEPTH, counted outside strings. Also refuses a
 * NUL byte, which the parser would take for the end. */
static gboolean
check_nesting (const char *data,
               gsize       length,
               GError    **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\0')
        return fail (error, 0, "a NUL byte at offset %" G_GSIZE_FORMAT, i);
      if (in_string)
        {
          if (c == '\\' && i + 1 < length)
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return fail (error, 0, "nested deeper than %u levels", MAX_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static JsonArray *
get_array (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
get_number (JsonNode *node,
            double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else
    return FALSE;
  return isfinite (*value);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_ring (TerrindCliGeometry *geometry,
           JsonArray          *array,
           TerrindCliRing     *ring,
           guint               feature,
           GError            **error)
{
  guint n = json_array_get_length (array);

  if (n < 4)
    return fail (error, feature, "a ring of %u points (4 at least)", n);
  if (n > MAX_POINTS - geometry->n_points)
    return fail (error, feature, "more than %u points", MAX_POINTS);
  geometry->n_points += n;

  ring->points = g_new (double, 2 * (gsize) n);
  ring->n_points = n;
  for (guint i = 0; i < n; i++)
    {
      JsonArray *point = get_array (json_array_get_element (array, i));
      double lon, lat;

      if (point == NULL || json_array_get_length (point) < 2
          || !get_number (json_array_get_element (point, 0), &lon)
          || !get_number (json_array_get_element (point, 1), &lat))
        return fail (error, feature, "point %u of a ring is not [longitude, latitude]", i + 1);
      if (lon < -180.0 || lon > 180.0 || lat < -90.0 || lat > 90.0)
        return fail (error, feature, "point %u is off the globe (%g, %g)", i + 1, lon, lat);
      ring->points[2 * i] = lon;
      ring->points[2 * i + 1] = lat;
    }
  if (ring->points[0] != ring->points[2 * (n - 1)]
      || ring->points[1] != ring->points[2 * (n - 1) + 1])
    return fail (error, feature, "a ring that is not closed");
  return TRUE;
}

/* Appends the rings of one polygon (an array of rings) to @rings. */
static gboolean
read_polygon (TerrindCliGeometry *geometry,
              JsonArray          *polygon,
              GArray             *rings,
              guint               feature,
              GError            **error)
{
  guint n = json_array_get_length (polygon);

  if (n == 0)
    return fail (error, feature, "a polygon with no ring");
  for (guint i = 0; i < n; i++)
    {
      JsonArray *array = get_array (json_array_get_element (polygon, i));
      TerrindCliRing ring = { 0, NULL };

      if (array == NULL)
        return fail (error, feature, "a ring that is not an array");
      /* Appended first, so that it is freed with the rest on failure. */
      if (!read_ring (geometry, array, &ring, feature, error))
        {
          g_free (ring.points);
          return FALSE;
        }
      g_array_append_val (rings, ring);
    }
  return TRUE;
}

static void
clear_ring (gpointer data)
{
  TerrindCliRing *ring = data;

  g_free (ring->points);
}

static gboolean
read_shape (TerrindCliGeometry *geometry,
            JsonObject         *feature_object,
            TerrindCliShape    *shape,
            guint               feature,
            GError            **error)
{
  JsonNode *node = json_object_get_member (feature_object, "geometry");
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                       ? json_node_get_object (node) : NULL;
  g_autoptr(GArray) rings = g_array_new (FALSE, FALSE, sizeof (TerrindCliRing));
  const char *type;
  JsonArray *coordinates;

  g_array_set_clear_func (rings, clear_ring);
  if (object == NULL)
    return fail (error, feature, "no geometry");
  type = get_string (object, "type");
  coordinates = get_array (json_object_get_member (object, "coordinates"));
  if (type == NULL || coordinates == NULL)
    return fail (error, feature, "a geometry without type or coordinates");

  if (g_str_equal (type, "Polygon"))
    {
      if (!read_polygon (geometry, coordinates, rings, feature, error))
        return FALSE;
    }
  else if (g_str_equal (type, "MultiPolygon"))
    {
      guint n = json_array_get_length (coordinates);

      if (n == 0)
        return fail (error, feature, "a MultiPolygon with no polygon");
      for (guint i = 0; i < n; i++)
        {
          JsonArray *polygon = get_array (json_array_get_element (coordinates, i));

          if (polygon == NULL)
            return fail (error, feature, "a polygon that is not an array");
          if (!read_polygon (geometry, polygon, rings, feature, error))
            return FALSE;
        }
    }
  else
    return fail (error, feature, "a geometry of type '%s' (Polygon or MultiPolygon)", type);

  /* The rings now belong to the shape. */
  g_array_set_clear_func (rings, NULL);
  shape->n_rings = rings->len;
  shape->rings = (TerrindCliRing *) (void *) g_array_free (g_steal_pointer (&rings), FALSE);
  return TRUE;
}

/* "ti-0101", "01": what the shipped file holds; a file from elsewhere may
 * use other ids, but nothing that could not be shown as is. */
static gboolean
is_plain_id (const char *id)
{
  gsize n = strlen (id);

  if (n == 0 || n > 64)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-' && id[i] != '_' && id[i] != '.')
      return FALSE;
  return TRUE;
}

static gboolean
read_feature (TerrindCliGeometry *geometry,
              JsonNode           *node,
              guint               feature,
              GError            **error)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                       ? json_node_get_object (node) : NULL;
  JsonNode *props_node = object != NULL ? json_object_get_member (object, "properties") : NULL;
  JsonObject *props = props_node != NULL && JSON_NODE_HOLDS_OBJECT (props_node)
                      ? json_node_get_object (props_node) : NULL;
  TerrindCliShape *shape;
  const char *layer;
  const char *region;

  if (props == NULL)
    return fail (error, feature, "not a feature with properties");
  layer = get_string (props, "layer");
  if (layer == NULL)
    return fail (error, feature, "no layer");

  shape = g_new0 (TerrindCliShape, 1);
  g_ptr_array_add (geometry->shapes, shape);
  if (!read_shape (geometry, object, shape, feature, error))
    return FALSE;

  if (g_str_equal (layer, "region"))
    {
      const char *code = get_string (props, "code");
      const char *name = get_string (props, "name");

      if (code == NULL || !is_plain_id (code) || name == NULL || !g_utf8_validate (name, -1, NULL))
        return fail (error, feature, "a region without a code or a name");
      if (g_hash_table_contains (geometry->region_index, code))
        return fail (error, feature, "region %s twice", code);
      shape->region = g_strdup (code);
      shape->name = g_strdup (name);
      g_ptr_array_add (geometry->regions, shape);
      g_hash_table_insert (geometry->region_index, shape->region, shape);
      return TRUE;
    }
  if (g_str_equal (layer, "territory"))
    {
      const char *id = get_string (props, "id");
      JsonNode *approximate = json_object_get_member (props, "approximate");
      double phase;
      char *key;

      region = get_string (props, "region");
      if (id == NULL || !is_plain_id (id) || region == NULL || !is_plain_id (region))
        return fail (error, feature, "a territory without a plain id or region");
      if (!get_number (json_object_get_member (props, "phase"), &phase)
          || phase != floor (phase) || phase < 1 || phase > 99)
        return fail (error, feature, "territory %s has no phase from 1 to 99", id);
      key = g_strdup_printf ("%u:%s", (guint) phase, id);
      if (g_hash_table_contains (geometry->territories, key))
        {
          g_free (key);
          return fail (error, feature, "territory %s of phase %u twice", id, (guint) phase);
        }
      shape->region = g_strdup (region);
      shape->approximate = approximate != NULL && JSON_NODE_HOLDS_VALUE (approximate)
                           && json_node_get_value_type (approximate) == G_TYPE_BOOLEAN
                           && json_node_get_boolean (approximate);
      g_hash_table_insert (geometry->territories, key, shape);
      return TRUE;
    }
  return fail (error, feature, "unknown layer (region or territory)");
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const TerrindCliShape *x = *(TerrindCliShape * const *) a;
  const TerrindCliShape *y = *(TerrindCliShape * const *) b;

  return strcmp (x->region, y->region);
}

TerrindCliGeometry *
terrind_cli_geometry_load (const char  *path,
                           GError     **error)
{
  g_autoptr(TerrindCliGeometry) geometry = g_new0 (TerrindCliGeometry, 1);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonArray *features;
  const char *data;
  gsize length;
  double version;

  g_return_val_if_fail (path != NULL, NULL);

  geometry->regions = g_ptr_array_new ();
  geometry->region_index = g_hash_table_new (g_str_hash, g_str_equal);
  geometry->territories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  geometry->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);

  /* Mapping a directory fails with a baffling "No such device". */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "is a directory, not a geometry file");
      return NULL;
    }
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (length > MAX_FILE_SIZE)
    {
      fail (error, 0, "larger than %u MB", MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0 || data == NULL)
    {
      fail (error, 0, "empty");
      return NULL;
    }
  if (!check_nesting (data, length, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      fail (error, 0, "%s", local_error->message);
      return NULL;
    }

  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || g_strcmp0 (get_string (root, "type"), "FeatureCollection") != 0)
    {
      fail (error, 0, "not a GeoJSON FeatureCollection");
      return NULL;
    }
  if (!get_number (json_object_get_member (root, "terrind-geometry"), &version))
    {
      fail (error, 0, "no \"terrind-geometry\" version");
      return NULL;
    }
  if (version != GEOMETRY_FORMAT_VERSION)
    {
      g_set_error (error, TERRIND_ERROR, TERRIND_ERROR_UNSUPPORTED_VERSION,
                   "geometry format %g is not supported (this terrind reads %d)",
                   version, GEOMETRY_FORMAT_VERSION);
      return NULL;
    }
  features = get_array (json_object_get_member (root, "features"));
  if (features == NULL)
    {
      fail (error, 0, "no features");
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (features); i++)
    if (!read_feature (geometry, json_array_get_element (features, i), i + 1, error))
      return NULL;

  g_ptr_array_sort (geometry->regions, compare_regions);
  return g_steal_pointer (&geometry);
}

const GPtrArray *
terrind_cli_geometry_get_regions (TerrindCliGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  return geometry->regions;
}

const TerrindCliShape *
terrind_cli_geometry_get_region (TerrindCliGeometry *geometry,
                                 const char         *code)
{
  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);
  return g_hash_table_lookup (geometry->region_index, code);
}

const TerrindCliShape *
terrind_cli_geometry_get_territory (TerrindCliGeometry *geometry,
                                    guint               phase,
                                    const char         *anct_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (geometry != NULL, NULL);
  g_return_val_if_fail (anct_id != NULL, NULL);
  key = g_strdup_printf ("%u:%s", phase, anct_id);
  return g_hash_table_lookup (geometry->territories, key);
}
