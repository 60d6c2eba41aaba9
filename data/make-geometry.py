#!/usr/bin/env python3
# make-geometry.py: build data/geometry.json, the shapes `terrind map` draws
#
# Copyright (C) 2026 The libterrind authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The map of `terrind map` and `terrind report` draws the territories of
# both phases over the outlines of the 18 regions. The published polygons
# (several MB, metre-level detail) are far finer than a page shows, so this
# script simplifies them once and ships the result: one GeoJSON file of a
# few hundred kB, installed beside the default dataset.
#
# Usage:
#   make-geometry.py --input DIR            write data/geometry.json
#   make-geometry.py --input DIR --check    exit 1 if data/geometry.json is not
#                                           what the sources give
#
# DIR is the reference data tree: DIR/anct-contours-2024/reg_geom_4326.geojson
# (the regions, insee_reg), DIR/territoires-industrie-phase1/
# ti_phase1_2022_anct.geojson (id_ti) and DIR/territoires-industrie-phase2/
# ti_phase2_2024_anct.geojson (id_territoire), all in WGS84. The sources are
# too large to ship; their provenance is in data/sources/README.md.
#
# Simplification: Douglas-Peucker on each ring with a tolerance of
# TOLERANCE_M metres (1 km: a pixel of the metropolitan map is about 1.3 km;
# OVERSEAS_TOLERANCE_M, 300 m, in the overseas regions, whose insets are
# drawn at larger scales), measured in a local equirectangular plane (longitude
# scaled by the cosine of the ring's mean latitude), then coordinates rounded
# to DECIMALS decimals of a degree (about 100 m). A ring left with fewer than
# three distinct points, or smaller than MIN_RING_KM2 (islets, slivers), is
# dropped, except the largest ring of a shape, which is always kept so that
# every territory is drawn. The ANCT publishes three phase-1 territories
# (Aix-Marseille-Provence, Carros, Toulon-Provence-Mediterranee) as their
# communes' points only: each is drawn as the convex hull of octagons of
# POINT_RADIUS_M around those points, marked "approximate". Points that
# other sources mix with polygons are dropped. Rings are simplified independently: borders that
# two shapes share may part by up to the tolerance, under a pixel on the
# metropolitan map and about a pixel on the insets.
#
# The output is a GeoJSON FeatureCollection; each feature's properties say
# its "layer": "region" (with "code" and "name") or "territory" (with
# "phase", "id" - the ANCT's id, reused across phases with other meanings,
# so a shape is keyed by phase and id - and "region", the code of the
# region whose frame of the map shows it). One feature per line, in a fixed
# order, so that the file diffs well and --check is exact.
#
# Python 3 standard library only.

import argparse
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMAT_VERSION = 1
TOLERANCE_M = 1000.0
OVERSEAS_TOLERANCE_M = 300.0
OVERSEAS = ("01", "02", "03", "04", "06")
DECIMALS = 3
MIN_RING_KM2 = 0.5
POINT_RADIUS_M = 3000.0
EARTH_RADIUS_M = 6371008.8
METRES_PER_DEGREE = EARTH_RADIUS_M * math.pi / 180.0

REGIONS = ("anct-contours-2024", "reg_geom_4326.geojson")
PHASES = (
    (1, ("territoires-industrie-phase1", "ti_phase1_2022_anct.geojson"), "id_ti"),
    (2, ("territoires-industrie-phase2", "ti_phase2_2024_anct.geojson"), "id_territoire"),
)


class SourceError(Exception):
    pass


def polygons_of(geometry):
    """The polygons (lists of rings) of a geometry; points and lines,
    which some sources mix in through a GeometryCollection, are not areas."""
    if geometry is None:
        return []
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in polygons_of(g)]
    return []


def points_of(geometry):
    if geometry is None:
        return []
    kind = geometry.get("type")
    if kind == "Point":
        return [geometry["coordinates"]]
    if kind == "MultiPoint":
        return list(geometry["coordinates"])
    if kind == "GeometryCollection":
        return [p for g in geometry["geometries"] for p in points_of(g)]
    return []


def convex_hull(points):
    """Andrew's monotone chain; a closed ring, counter-clockwise."""
    points = sorted(set(points))
    if len(points) < 3:
        return points

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    hull = lower[:-1] + upper[:-1]
    return hull + [hull[0]]


def area_around(points):
    """A stand-in polygon for a territory published as its communes' points
    only: the convex hull of octagons of POINT_RADIUS_M around them."""
    around = []
    for lon, lat in ((p[0], p[1]) for p in points):
        k = math.cos(math.radians(lat)) * METRES_PER_DEGREE
        for i in range(8):
            angle = math.pi * (2 * i + 1) / 8
            around.append((lon + POINT_RADIUS_M * math.cos(angle) / k,
                           lat + POINT_RADIUS_M * math.sin(angle) / METRES_PER_DEGREE))
    return [[[list(p) for p in convex_hull(around)]]]


def to_plane(ring, lat0):
    k = math.cos(math.radians(lat0)) * METRES_PER_DEGREE
    return [(x * k, y * METRES_PER_DEGREE) for x, y in ((p[0], p[1]) for p in ring)]


def douglas_peucker(points, tolerance):
    """Indexes of the points kept; iterative, so that long rings do not
    exhaust the recursion limit."""
    n = len(points)
    if n < 3:
        return list(range(n))
    keep = [False] * n
    keep[0] = keep[n - 1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        best, best_index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0.0:
                d = math.hypot(px - ax, py - ay)
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / length
            if d > best:
                best, best_index = d, i
        if best > tolerance:
            keep[best_index] = True
            stack.append((first, best_index))
            stack.append((best_index, last))
    return [i for i in range(n) if keep[i]]


def area_m2(plane):
    s = 0.0
    for i in range(len(plane) - 1):
        s += plane[i][0] * plane[i + 1][1] - plane[i + 1][0] * plane[i][1]
    return abs(s) / 2.0


def simplify_ring(ring, tolerance):
    """(simplified ring, area of the original in m2), or None when the ring
    is too short to be an area."""
    if len(ring) < 4:
        return None
    lat0 = sum(p[1] for p in ring) / len(ring)
    plane = to_plane(ring, lat0)
    # A closed ring's two ends are the same point: split it at the point
    # farthest from the start, so that neither half is degenerate.
    far = max(range(len(plane)), key=lambda i: (plane[i][0] - plane[0][0]) ** 2
                                              + (plane[i][1] - plane[0][1]) ** 2)
    kept = douglas_peucker(plane[:far + 1], tolerance)
    kept += [far + i for i in douglas_peucker(plane[far:], tolerance)][1:]
    out = []
    for i in kept:
        point = [round(ring[i][0], DECIMALS), round(ring[i][1], DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4:
        return None
    return out, area_m2(plane)


def simplify(polygons, region):
    """A MultiPolygon's coordinates, simplified for the frame of @region;
    rings in source order."""
    tolerance = OVERSEAS_TOLERANCE_M if region in OVERSEAS else TOLERANCE_M
    candidates = []
    for p, polygon in enumerate(polygons):
        for r, ring in enumerate(polygon):
            simplified = simplify_ring(ring, tolerance)
            if simplified is not None:
                candidates.append((p, r, simplified[0], simplified[1]))
    if not candidates:
        return []
    largest = max(candidates, key=lambda c: c[3])[:2]
    result = {}
    for p, r, ring, area in candidates:
        if (p, r) != largest and area < MIN_RING_KM2 * 1e6:
            continue
        # A hole is kept only in a polygon whose outer ring is.
        if r > 0 and p not in result:
            continue
        result.setdefault(p, []).append(ring)
    return [result[p] for p in sorted(result)]


def read_features(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except json.JSONDecodeError as e:
        raise SourceError("%s: %s" % (path, e))
    features = data.get("features")
    if not isinstance(features, list):
        raise SourceError("%s: not a GeoJSON FeatureCollection" % path)
    return features


def feature_line(properties, coordinates):
    feature = {"type": "Feature", "properties": properties,
               "geometry": {"type": "MultiPolygon", "coordinates": coordinates}}
    return json.dumps(feature, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def build(input_dir):
    lines = []
    counts = {"region": 0, 1: 0, 2: 0, "points": 0, "approximate": 0}

    features = read_features(os.path.join(input_dir, *REGIONS))
    regions = []
    for feature in features:
        props = feature.get("properties") or {}
        code, name = props.get("insee_reg"), props.get("lib_reg")
        if not isinstance(code, str) or not isinstance(name, str):
            raise SourceError("a region without insee_reg or lib_reg")
        regions.append((code, name, feature.get("geometry")))
    for code, name, geometry in sorted(regions):
        coordinates = simplify(polygons_of(geometry), code)
        if not coordinates:
            raise SourceError("region %s has no area left" % code)
        counts["region"] += 1
        counts["points"] += sum(len(r) for p in coordinates for r in p)
        lines.append(feature_line({"layer": "region", "code": code, "name": name}, coordinates))

    for number, parts, id_key in PHASES:
        territories = []
        for feature in read_features(os.path.join(input_dir, *parts)):
            props = feature.get("properties") or {}
            ident = props.get(id_key)
            if not isinstance(ident, str) or len(ident) != 7 or not ident.startswith("ti-"):
                raise SourceError("phase %d: a territory with id %r" % (number, ident))
            territories.append((ident, feature.get("geometry")))
        if len({t[0] for t in territories}) != len(territories):
            raise SourceError("phase %d: an id is used twice" % number)
        for ident, geometry in sorted(territories, key=lambda t: t[0]):
            # The id is "ti-RRNN": RR is the region whose frame shows it.
            properties = {"layer": "territory", "phase": number, "id": ident,
                          "region": ident[3:5]}
            polygons = polygons_of(geometry)
            if not polygons:
                polygons = area_around(points_of(geometry))
                properties["approximate"] = True
                counts["approximate"] += 1
            coordinates = simplify(polygons, ident[3:5])
            if not coordinates:
                raise SourceError("phase %d: %s has no area" % (number, ident))
            counts[number] += 1
            counts["points"] += sum(len(r) for p in coordinates for r in p)
            lines.append(feature_line(properties, coordinates))

    header = ('{"type":"FeatureCollection","terrind-geometry":%d,'
              '"tolerance-m":%g,"overseas-tolerance-m":%g,"decimals":%d,"features":['
              % (FORMAT_VERSION, TOLERANCE_M, OVERSEAS_TOLERANCE_M, DECIMALS))
    text = header + "\n" + ",\n".join(lines) + "\n]}\n"
    return text, counts


def main():
    parser = argparse.ArgumentParser(description="Build the simplified geometry of terrind map.")
    parser.add_argument("--input", required=True, metavar="DIR",
                        help="the reference data tree (anct-contours-2024/, "
                             "territoires-industrie-phase1/, territoires-industrie-phase2/)")
    parser.add_argument("--output", default=os.path.join(HERE, "geometry.json"),
                        help="file to write or check (default: %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="do not write: exit 1 if OUTPUT differs from what the sources give")
    args = parser.parse_args()

    try:
        text, counts = build(args.input)
    except (OSError, ValueError, KeyError, TypeError, SourceError) as e:
        print("make-geometry: %s" % e, file=sys.stderr)
        return 2

    print("%d regions, %d phase-1 and %d phase-2 territories (%d drawn around their "
          "communes' points), %d points, %d bytes (tolerance %g m, overseas %g m, %d decimals)"
          % (counts["region"], counts[1], counts[2], counts["approximate"], counts["points"],
             len(text.encode()), TOLERANCE_M, OVERSEAS_TOLERANCE_M, DECIMALS))
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError as e:
            print("make-geometry: %s" % e, file=sys.stderr)
            return 1
        if current != text:
            print("make-geometry: %s is not what the sources give" % args.output,
                  file=sys.stderr)
            return 1
        print("%s is up to date" % args.output)
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
