/* terrind-cli-map-svg.c: drawing a map as SVG
 *
 * Copyright (C) 2026 The libterrind authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The page follows French maps: metropolitan France in Lambert-93
 * (EPSG:2154), the official projection, and the five overseas regions in
 * boxes on the left, each in the UTM zone of its official CRS and at its
 * own scale (they would be specks at the scale of the metropole), named
 * under the box. With --region, one region fills the page, in the
 * projection of its frame.
 *
 * Shapes are drawn in tenths of a pixel, as integers inside a group scaled
 * by 0.1: coordinates never go through printf's %f, whose decimal
 * separator follows the locale, and a tenth of a pixel is finer than any
 * screen. Every territory is one <path data-territory="ID">, so that a
 * program (or a test) can find and count them.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "terrind-cli-map.h"
#include "terrind-cli-projection.h"

#define PAGE_WIDTH   1000
#define PAGE_HEIGHT  780
#define MAP_TOP      80      /* below the title */
#define MAIN_LEFT    200     /* right of the insets */
#define MAIN_WIDTH   560
#define MAIN_HEIGHT  680
#define INSET_LEFT   16
#define INSET_WIDTH  160
#define INSET_HEIGHT 106
#define INSET_STEP   136     /* box, label and gap */
#define LEGEND_LEFT  780
#define MARGIN       8       /* inside a frame, around what it shows */

typedef struct {
  const char *region;        /* NULL: metropolitan France */
  const char *label;
  const char *crs;
  const char *crs_name;
} FrameSpec;

/* The insets top to bottom in the usual order, by INSEE code. */
static const FrameSpec frame_specs[] = {
  { NULL, "France métropolitaine", "EPSG:2154", "RGF93 / Lambert-93" },
  { "01", "Guadeloupe", "EPSG:5490", "RGAF09 / UTM 20N" },
  { "02", "Martinique", "EPSG:5490", "RGAF09 / UTM 20N" },
  { "03", "Guyane", "EPSG:2972", "RGFG95 / UTM 22N" },
  { "04", "La Réunion", "EPSG:2975", "RGR92 / UTM 40S" },
  { "06", "Mayotte", "EPSG:4471", "RGM04 / UTM 38S" },
};

typedef struct {
  const FrameSpec      *spec;
  TerrindCliProjection *projection;
  double                box_x, box_y, box_width, box_height; /* pixels */
  double                min_e, min_n, max_e, max_n;           /* metres */
  double                scale, offset_x, offset_y;
  GPtrArray            *regions;      /* TerrindCliShape, borrowed */
  GArray               *territories;  /* guint: indexes in the map */
  gboolean              inset;
} Frame;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  terrind_cli_projection_free (frame->projection);
  g_ptr_array_unref (frame->regions);
  g_array_unref (frame->territories);
}

static const FrameSpec *
spec_for_region (const char *code)
{
  for (guint i = 1; i < G_N_ELEMENTS (frame_specs); i++)
    if (code != NULL && g_str_equal (code, frame_specs[i].region))
      return &frame_specs[i];
  return &frame_specs[0];
}

static void
extend_bounds (Frame                 *frame,
               const TerrindCliShape *shape)
{
  for (guint r = 0; r < shape->n_rings; r++)
    for (guint p = 0; p < shape->rings[r].n_points; p++)
      {
        double e, n;

        if (!terrind_cli_projection_forward (frame->projection, shape->rings[r].points[2 * p],
                                             shape->rings[r].points[2 * p + 1], &e, &n))
          continue;
        frame->min_e = MIN (frame->min_e, e);
        frame->max_e = MAX (frame->max_e, e);
        frame->min_n = MIN (frame->min_n, n);
        frame->max_n = MAX (frame->max_n, n);
      }
}

/* Scale and centre what the frame shows in its box. */
static void
fit_frame (Frame *frame)
{
  double width = MAX (frame->max_e - frame->min_e, 1.0);
  double height = MAX (frame->max_n - frame->min_n, 1.0);
  double room_x = frame->box_width - 2 * MARGIN;
  double room_y = frame->box_height - 2 * MARGIN;

  frame->scale = MIN (room_x / width, room_y / height);
  frame->offset_x = frame->box_x + MARGIN + (room_x - width * frame->scale) / 2;
  frame->offset_y = frame->box_y + MARGIN + (room_y - height * frame->scale) / 2;
}

/* The path of @shape in tenths of a pixel; empty when nothing of it can be
 * projected. Points that fall on the same tenth as the previous are
 * dropped. */
static void
append_path (GString               *out,
             Frame                 *frame,
             const TerrindCliShape *shape)
{
  for (guint r = 0; r < shape->n_rings; r++)
    {
      const TerrindCliRing *ring = &shape->rings[r];
      gboolean started = FALSE;
      gint64 last_x = 0, last_y = 0;

      for (guint p = 0; p < ring->n_points; p++)
        {
          double e, n;
          gint64 x, y;

          if (!terrind_cli_projection_forward (frame->projection, ring->points[2 * p],
                                               ring->points[2 * p + 1], &e, &n))
            continue;
          x = (gint64) llround (10 * (frame->offset_x + (e - frame->min_e) * frame->scale));
          y = (gint64) llround (10 * (frame->offset_y + (frame->max_n - n) * frame->scale));
          if (started && x == last_x && y == last_y)
            continue;
          g_string_append_printf (out, "%s%" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                  started ? "L" : "M", x, y);
          started = TRUE;
          last_x = x;
          last_y = y;
        }
      if (started)
        g_string_append_c (out, 'Z');
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* The frames the map has: with a region, that region's alone, filling the
 * page; else the metropole and the insets. A frame with nothing to show
 * is dropped. */
static GArray *
make_frames (TerrindCliMap       *map,
             TerrindCliGeometry  *geometry,
             GError             **error)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  const GPtrArray *regions = terrind_cli_geometry_get_regions (geometry);
  guint n_insets = 0;

  g_array_set_clear_func (frames, frame_clear);
  for (guint i = 0; i < G_N_ELEMENTS (frame_specs); i++)
    {
      const FrameSpec *spec = &frame_specs[i];
      Frame frame = { 0, };

      /* With --region, the one frame of that region. */
      if (map->region != NULL && spec != spec_for_region (map->region))
        continue;

      frame.spec = spec;
      frame.regions = g_ptr_array_new ();
      frame.territories = g_array_new (FALSE, FALSE, sizeof (guint));
      frame.projection = terrind_cli_projection_new (spec->crs, error);
      if (frame.projection == NULL)
        {
          frame_clear (&frame);
          return NULL;
        }
      g_array_append_val (frames, frame);
    }

  for (guint f = 0; f < frames->len; f++)
    {
      Frame *frame = &g_array_index (frames, Frame, f);

      for (guint i = 0; i < regions->len; i++)
        {
          const TerrindCliShape *shape = g_ptr_array_index (regions, i);

          if (map->region != NULL ? g_str_equal (shape->region, map->region)
                                  : spec_for_region (shape->region) == frame->spec)
            g_ptr_array_add (frame->regions, (gpointer) shape);
        }
    }

  for (guint t = 0; t < map->territories->len; t++)
    {
      TerrindTerritory *territory = g_ptr_array_index (map->territories, t);
      const TerrindCliShape *shape =
        terrind_cli_geometry_get_territory (geometry, terrind_cli_map_shape_phase (territory),
                                            terrind_cli_map_anct_id (territory));

      if (shape == NULL)
        continue;
      for (guint f = 0; f < frames->len; f++)
        {
          Frame *frame = &g_array_index (frames, Frame, f);

          if (map->region != NULL || spec_for_region (shape->region) == frame->spec)
            {
              g_array_append_val (frame->territories, t);
              break;
            }
        }
    }

  for (guint f = 0; f < frames->len; )
    {
      Frame *frame = &g_array_index (frames, Frame, f);

      frame->min_e = frame->min_n = HUGE_VAL;
      frame->max_e = frame->max_n = -HUGE_VAL;
      for (guint i = 0; i < frame->regions->len; i++)
        extend_bounds (frame, g_ptr_array_index (frame->regions, i));
      for (guint i = 0; i < frame->territories->len; i++)
        {
          TerrindTerritory *territory =
            g_ptr_array_index (map->territories, g_array_index (frame->territories, guint, i));

          extend_bounds (frame, terrind_cli_geometry_get_territory (
                                  geometry, terrind_cli_map_shape_phase (territory),
                                  terrind_cli_map_anct_id (territory)));
        }
      if (frame->min_e > frame->max_e)
        {
          g_array_remove_index (frames, f);
          continue;
        }

      if (map->region == NULL && frame->spec->region != NULL)
        {
          frame->inset = TRUE;
          frame->box_x = INSET_LEFT;
          frame->box_y = MAP_TOP + n_insets++ * INSET_STEP;
          frame->box_width = INSET_WIDTH;
          frame->box_height = INSET_HEIGHT;
        }
      else
        {
          frame->box_x = map->region == NULL ? MAIN_LEFT : INSET_LEFT;
          frame->box_y = MAP_TOP;
          frame->box_width = map->region == NULL ? MAIN_WIDTH : MAIN_LEFT + MAIN_WIDTH - INSET_LEFT;
          frame->box_height = MAIN_HEIGHT;
        }
      fit_frame (frame);
      f++;
    }
  return g_steal_pointer (&frames);
}

static void
write_frame (GString            *out,
             TerrindCliMap      *map,
             TerrindCliGeometry *geometry,
             Frame              *frame,
             guint              *n_drawn)
{
  g_string_append_printf (out, "<g class=\"frame\" data-frame=\"%s\">\n",
                          frame->spec->region != NULL ? frame->spec->region : "metropole");
  if (frame->inset)
    g_string_append_printf (out, "<rect class=\"inset\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
                            (int) frame->box_x * 10, (int) frame->box_y * 10,
                            (int) frame->box_width * 10, (int) frame->box_height * 10);

  for (guint i = 0; i < frame->regions->len; i++)
    {
      const TerrindCliShape *shape = g_ptr_array_index (frame->regions, i);

      g_string_append_printf (out, "<path class=\"region\" data-region=\"%s\" d=\"", shape->region);
      append_path (out, frame, shape);
      g_string_append (out, "\"/>\n");
    }

  for (guint i = 0; i < frame->territories->len; i++)
    {
      guint t = g_array_index (frame->territories, guint, i);
      TerrindTerritory *territory = g_ptr_array_index (map->territories, t);
      guint klass = g_array_index (map->class_of, guint, t);
      const TerrindCliMapClass *info = g_ptr_array_index (map->classes, klass);
      const TerrindCliShape *shape =
        terrind_cli_geometry_get_territory (geometry, terrind_cli_map_shape_phase (territory),
                                            terrind_cli_map_anct_id (territory));

      g_string_append (out, "<path class=\"territory\" data-territory=\"");
      append_escaped (out, terrind_territory_get_id (territory));
      g_string_append_printf (out, "\" data-class=\"%u\" fill=\"%s\" d=\"", klass, info->colour);
      append_path (out, frame, shape);
      g_string_append (out, "\"><title>");
      append_escaped (out, terrind_territory_get_name (territory));
      g_string_append (out, " (");
      append_escaped (out, terrind_territory_get_id (territory));
      g_string_append (out, "): ");
      append_escaped (out, info->label);
      if (shape->approximate)
        g_string_append (out, "; shape drawn around its communes");
      g_string_append (out, "</title></path>\n");
      (*n_drawn)++;
    }
  g_string_append (out, "</g>\n");
}

static void
write_legend (GString       *out,
              TerrindCliMap *map,
              guint          n_missing)
{
  int y = MAP_TOP + 10;

  g_string_append (out, "<g class=\"legend\">\n");
  for (guint i = 0; i < map->classes->len; i++)
    {
      const TerrindCliMapClass *klass = g_ptr_array_index (map->classes, i);

      g_string_append_printf (out, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"14\" fill=\"%s\"/>"
                              "<text x=\"%d\" y=\"%d\">", LEGEND_LEFT, y, klass->colour,
                              LEGEND_LEFT + 26, y + 12);
      append_escaped (out, klass->label);
      g_string_append_printf (out, " (%u)</text>\n", klass->count);
      y += 24;
    }
  y += 10;
  g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">%u territor%s</text>\n", LEGEND_LEFT, y,
                          map->territories->len, map->territories->len == 1 ? "y" : "ies");
  if (n_missing > 0)
    g_string_append_printf (out, "<text x=\"%d\" y=\"%d\">%u without a shape, not drawn</text>\n",
                            LEGEND_LEFT, y + 18, n_missing);
  g_string_append (out, "</g>\n");
}

gboolean
terrind_cli_map_write_svg (TerrindCliMap       *map,
                           TerrindCliGeometry  *geometry,
                           gboolean             standalone,
                           GString             *out,
                           guint               *n_drawn,
                           GPtrArray           *missing,
                           GError             **error)
{
  g_autoptr(GArray) frames = NULL;
  guint drawn = 0;
  guint n_missing = 0;

  g_return_val_if_fail (map != NULL && geometry != NULL && out != NULL, FALSE);

  frames = make_frames (map, geometry, error);
  if (frames == NULL)
    return FALSE;

  for (guint t = 0; t < map->territories->len; t++)
    {
      TerrindTerritory *territory = g_ptr_array_index (map->territories, t);

      if (terrind_cli_geometry_get_territory (geometry, terrind_cli_map_shape_phase (territory),
                                              terrind_cli_map_anct_id (territory)) == NULL)
        {
          n_missing++;
          if (missing != NULL)
            g_ptr_array_add (missing, (gpointer) terrind_territory_get_id (territory));
        }
    }

  if (standalone)
    g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"terrind-map\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
                          PAGE_WIDTH, PAGE_HEIGHT, PAGE_WIDTH, PAGE_HEIGHT);
  g_string_append (out, "<title>");
  append_escaped (out, map->title);
  g_string_append (out, " — ");
  append_escaped (out, map->subtitle);
  g_string_append (out, "</title>\n");
  /* Scoped to the map, so that a page around it keeps its own styles. */
  g_string_append (out,
                   "<style>\n"
                   ".terrind-map text{font-family:sans-serif;font-size:13px;fill:#222}\n"
                   ".terrind-map .map-title{font-size:22px;font-weight:bold}\n"
                   ".terrind-map .map-subtitle{font-size:15px;fill:#444}\n"
                   ".terrind-map .map-note{font-size:10px;fill:#666}\n"
                   ".terrind-map .region{fill:#f2f2f2;stroke:#8c8c8c;stroke-width:6;stroke-linejoin:round}\n"
                   ".terrind-map .territory{stroke:#444;stroke-width:3;stroke-linejoin:round;fill-rule:evenodd}\n"
                   ".terrind-map .inset{fill:#fff;stroke:#8c8c8c;stroke-width:8}\n"
                   ".terrind-map .legend rect{stroke:#444;stroke-width:.5}\n"
                   "</style>\n"
                   "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
  g_string_append (out, "<text class=\"map-title\" x=\"16\" y=\"34\">");
  append_escaped (out, map->title);
  g_string_append (out, "</text>\n<text class=\"map-subtitle\" x=\"16\" y=\"60\">");
  append_escaped (out, map->subtitle);
  g_string_append (out, "</text>\n");

  g_string_append (out, "<g transform=\"scale(0.1)\">\n");
  for (guint f = 0; f < frames->len; f++)
    write_frame (out, map, geometry, &g_array_index (frames, Frame, f), &drawn);
  g_string_append (out, "</g>\n");

  for (guint f = 0; f < frames->len; f++)
    {
      Frame *frame = &g_array_index (frames, Frame, f);

      if (!frame->inset)
        continue;
      g_string_append_printf (out, "<text class=\"inset-label\" x=\"%d\" y=\"%d\">",
                              (int) frame->box_x, (int) (frame->box_y + frame->box_height + 16));
      append_escaped (out, frame->spec->label);
      g_string_append (out, "</text>\n");
    }
  write_legend (out, map, n_missing);

  /* Each frame's projection, once per CRS (Guadeloupe and Martinique
   * share theirs). */
  g_string_append (out, "<text class=\"map-note\" x=\"16\" y=\"758\">Projections:");
  for (guint f = 0; f < frames->len; f++)
    {
      Frame *frame = &g_array_index (frames, Frame, f);

      if (f > 0 && g_str_equal (frame->spec->crs, g_array_index (frames, Frame, f - 1).spec->crs))
        continue;
      g_string_append_printf (out, "%s %s (%s)", f == 0 ? "" : ",", frame->spec->crs_name,
                              frame->spec->crs);
    }
  g_string_append (out, ".</text>\n<text class=\"map-note\" x=\"16\" y=\"772\">");
  if (map->region == NULL)
    g_string_append (out, "Each inset at its own scale. ");
  g_string_append (out, "Shapes: ANCT, Licence Ouverte 2.0, simplified to about 1 km "
                        "(300 m overseas).</text>\n</svg>\n");

  if (n_drawn != NULL)
    *n_drawn = drawn;
  return TRUE;
}
