"""Building blocks for the hand-written GeoJSON cases of the oracle scripts (make-valid-goldens.py,
validate-goldens.py): closed rings, Polygon and MultiPolygon, features, UTM offsets near Asker."""
import random

CRS = {'type': 'name', 'properties': {'name': 'urn:ogc:def:crs:EPSG::25832'}}
E0, N0 = 580000, 6633000  # an EPSG:25832 point in Asker


def closed(ring):
    ring = [list(p) for p in ring]
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def poly(*rings):
    return {'type': 'Polygon', 'coordinates': [closed(r) for r in rings]}


def multi(*polys):
    return {'type': 'MultiPolygon', 'coordinates': [[closed(r) for r in p] for p in polys]}


def utm(ring, dx=0.0, dy=0.0):
    return [[E0 + dx + x, N0 + dy + y] for x, y in ring]


def feature(fid, text, geometry, **extra):
    return {'type': 'Feature', 'properties': {'id': fid, 'beskrivelse': text, **extra}, 'geometry': geometry}


def random_ring(rng: random.Random, n, size, grid):
    if grid:
        return [[rng.randint(0, size), rng.randint(0, size)] for _ in range(n)]
    return [[round(rng.uniform(0, size), 3), round(rng.uniform(0, size), 3)] for _ in range(n)]
