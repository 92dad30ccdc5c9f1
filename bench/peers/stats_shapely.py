#!/usr/bin/env python3
"""Comparison peer for `stats <areas> --farmland <ar5>`: the same overlap in Python with shapely 2.

What a competent user would write: read both GeoJSON files with the json module, build the
geometries with shapely's vectorised constructors (from_ragged_array), repair the invalid ones
(make_valid), index the farmland (AR5 arealtype 21, 22, 23, as the CLI counts it) in an STRtree,
query it with every area at once and sum the planar intersection areas per area and class.
Coordinates must be metres in EPSG:25832 (the files' `crs` member, or none); areas are planar.

Prints one JSON object on stdout: the number of areas and farmland polygons, the areas' total
planar area in daa, the farmland inside them in daa in total and by class, and the time of each
step. With `--per-area FILE` it also writes each area's figures to FILE (for checking).

Usage: python3 bench/peers/stats_shapely.py <areas.geojson> <ar5.geojson> [--per-area FILE]
"""

import json
import resource
import sys
import time

import numpy as np
import shapely

if int(shapely.__version__.split(".")[0]) < 2:
    sys.exit(f"stats_shapely.py needs shapely 2 (found {shapely.__version__}): pip install 'shapely>=2'")

FARMLAND = ("21", "22", "23")
EPSG_25832 = ("EPSG:25832", "urn:ogc:def:crs:EPSG::25832", "urn:ogc:def:crs:EPSG:6.6:25832",
              "http://www.opengis.net/def/crs/EPSG/0/25832")


def read(path):
    """Features of a GeoJSON FeatureCollection in EPSG:25832 (or with no crs member)."""
    with open(path, "rb") as f:
        fc = json.load(f)
    name = ((fc.get("crs") or {}).get("properties") or {}).get("name")
    if name is not None and name not in EPSG_25832:
        sys.exit(f"{path}: only EPSG:25832 is handled here (crs {name})")
    return fc["features"]


def geometries(features):
    """Polygon and MultiPolygon features as shapely geometries (None for other types), vectorised."""
    coords, ring_ends, part_ends, part_owner = [], [], [], []
    n_coords = 0
    kinds = []
    for i, f in enumerate(features):
        g = f.get("geometry") or {}
        t = g.get("type")
        kinds.append(t)
        parts = [g["coordinates"]] if t == "Polygon" else g["coordinates"] if t == "MultiPolygon" else []
        for rings in parts:
            for ring in rings:
                coords.extend(ring)
                n_coords += len(ring)
                ring_ends.append(n_coords)
            part_ends.append(len(ring_ends))
            part_owner.append(i)
    xy = np.array(coords, dtype=np.float64)[:, :2] if coords else np.empty((0, 2))
    ring_offsets = np.array([0] + ring_ends, dtype=np.int64)
    part_offsets = np.array([0] + part_ends, dtype=np.int64)
    parts = shapely.from_ragged_array(shapely.GeometryType.POLYGON, xy, (ring_offsets, part_offsets))
    owner = np.array(part_owner, dtype=np.int64)
    out = np.full(len(features), None, dtype=object)
    if all(k == "Polygon" for k in kinds):
        out[:] = parts
    else:
        # One geometry per feature: its parts (a MultiPolygon may have several).
        owners, index = np.unique(owner, return_inverse=True)
        out[owners] = shapely.multipolygons(parts, indices=index)
        single = np.array([k == "Polygon" for k in kinds])
        out[single] = shapely.get_geometry(out[single], 0)
    bad = np.flatnonzero((out != None) & ~shapely.is_valid(out))  # noqa: E711 (elementwise)
    if len(bad):
        out[bad] = shapely.make_valid(out[bad])
    return out


def arealtype(props):
    for k, v in (props or {}).items():
        if k.lower() in ("arealtype", "artype"):
            return str(v).strip()
    return None


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    per_area = argv[argv.index("--per-area") + 1] if "--per-area" in argv else None
    t0 = time.perf_counter()
    area_features = read(argv[0])
    farm_features = read(argv[1])
    t1 = time.perf_counter()
    areas = geometries(area_features)
    keep = areas != None  # noqa: E711
    area_ids = [f.get("properties", {}).get("id", f.get("id", i)) for i, f in enumerate(area_features)]
    types = [arealtype(f.get("properties")) for f in farm_features]
    farm_rows = [i for i, t in enumerate(types) if t in FARMLAND]
    farm = geometries([farm_features[i] for i in farm_rows])
    klass = np.array([FARMLAND.index(types[i]) for i in farm_rows], dtype=np.int64)
    farm_ok = farm != None  # noqa: E711
    farm, klass = farm[farm_ok], klass[farm_ok]
    t2 = time.perf_counter()

    area_m2 = np.zeros(len(areas))
    area_m2[keep] = shapely.area(areas[keep])
    tree = shapely.STRtree(farm)
    ai, fi = tree.query(np.where(keep, areas, None), predicate="intersects")
    inter_m2 = shapely.area(shapely.intersection(areas[ai], farm[fi]))
    by_area_class = np.zeros((len(areas), len(FARMLAND)))
    np.add.at(by_area_class, (ai, klass[fi]), inter_m2)
    t3 = time.perf_counter()

    by_class = by_area_class.sum(axis=0) / 1000
    out = {
        "areas": int(keep.sum()),
        "farmland_polygons": int(len(farm)),
        "candidate_pairs": int(len(ai)),
        "area_daa": float(area_m2.sum() / 1000),
        "farmland_daa": float(by_class.sum()),
        "farmland_daa_by_class": {k: float(v) for k, v in zip(FARMLAND, by_class)},
        "seconds": {"read_json": round(t1 - t0, 3), "build_geometries": round(t2 - t1, 3), "overlap": round(t3 - t2, 3)},
        # Peak memory of this process (ru_maxrss is in kB on Linux).
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "shapely": shapely.__version__,
        "geos": shapely.geos_version_string,
    }
    if per_area:
        rows = [{"id": area_ids[i], "area_daa": area_m2[i] / 1000, "farmland_daa_by_class": dict(zip(FARMLAND, (by_area_class[i] / 1000).tolist()))}
                for i in range(len(areas)) if keep[i]]
        with open(per_area, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
