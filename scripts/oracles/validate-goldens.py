#!/usr/bin/env python3
"""GEOS validity for tests/fixtures/geo/validate (goldens for src/lib/geo/validate.ts and topology.ts).

Needs python3 with shapely 2.1 (GEOS 3.13), e.g. `pip install shapely==2.1.2`. CI does not: the
tests read the committed JSON.

    python3 scripts/oracles/validate-goldens.py                  # write out/*.json from in/*.geojson
    python3 scripts/oracles/validate-goldens.py --write-inputs   # first (re)write in/*.geojson from the cases below

Per feature of each in/X.geojson, out/X.json has `is_valid` (shapely `is_valid`, GEOS IsValidOp
with its defaults: self-touching rings are invalid) and `reason` (shapely `is_valid_reason`).

in/handlagde.geojson are the touch, nesting and overlap cases the old validator missed or got
right by luck; in/tilfeldige.geojson are random polygons from random.Random(SEED), SEED = 20261130:
mostly on a small integer grid, so that vertices coincide, lie on other edges and edges overlap,
kept so that about half are valid and half are not.
"""
import json
import os
import random
import sys

import shapely
from cases import CRS, E0, N0, closed, feature, multi, poly, random_ring, utm  # noqa: F401
from shapely.geometry import shape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'fixtures', 'geo', 'validate')
SEED = 20261130


def sq(x, y, s):
    return [[x, y], [x + s, y], [x + s, y + s], [x, y + s]]


BIG = sq(0, 0, 10)


def hand_cases():
    return [
        feature('kvadrat', 'kvadrat', poly(BIG)),
        feature('kvadrat-utm', 'kvadrat i UTM', poly(utm(BIG))),
        feature('hull-inni', 'hull inni', poly(BIG, sq(2, 2, 3))),
        feature('hull-hjorne-paa-hjorne', 'hullet berører ytterringen i ett hjørne', poly(BIG, [[0, 0], [3, 1], [1, 3]])),
        feature('hull-hjorne-paa-kant', 'et hjørne av hullet ligger på en kant av ytterringen', poly(BIG, [[5, 0], [7, 3], [3, 3]])),
        feature('hull-to-beroringer', 'hullet berører ytterringen i to punkter', poly(BIG, [[5, 0], [10, 5], [5, 5]])),
        feature('hull-to-beroringer-hjorner', 'hullet berører ytterringen i to hjørner', poly(BIG, [[0, 0], [10, 10], [2, 6]])),
        feature('hull-krysser-i-hjorne', 'hullet går ut av ytterringen gjennom et hjørne på kanten', poly(BIG, [[8, 4], [10, 5], [12, 6], [12, 2], [10, 3]])),
        feature('hull-krysser-via-hjorner', 'hull og ytterring krysser hverandre i et felles hjørne', poly([[0, 0], [10, 0], [10, 10], [5, 5], [0, 10]], [[5, 5], [4, 8], [6, 9], [6, 4], [4, 3]])),
        feature('to-hull-ett-punkt', 'to hull berører hverandre i ett punkt', poly(BIG, [[2, 2], [5, 5], [2, 5]], [[5, 5], [8, 8], [8, 5]])),
        feature('to-hull-to-punkter', 'to hull berører hverandre i to punkter', poly(BIG, [[2, 2], [6, 2], [6, 6]], [[2, 2], [6, 6], [2, 6]])),
        feature('tre-hull-ring', 'tre hull som berører hverandre parvis (en ring av hull)', poly(BIG, [[2, 2], [5, 2], [3.5, 4]], [[5, 2], [8, 2], [6.5, 4]], [[3.5, 4], [6.5, 4], [5, 7]])),
        feature('hull-i-hull', 'et hull inne i et annet hull', poly(BIG, sq(1, 1, 8), sq(3, 3, 2))),
        feature('hull-utenfor', 'hullet ligger utenfor', poly(BIG, sq(20, 20, 2))),
        feature('skall-i-hull', 'ytterringen ligger inne i hullet', poly(sq(2, 2, 2), BIG)),
        feature('hull-lik-skallet', 'hullet er lik ytterringen', poly(BIG, BIG)),
        feature('hull-deler-kant', 'hullet deler en kant med ytterringen', poly(BIG, [[0, 2], [3, 2], [3, 5], [0, 5]])),
        feature('selvberoring-hjorne', 'ytterringen berører seg selv i et hjørne', poly([[0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5]])),
        feature('selvberoring-kant', 'et hjørne av ytterringen ligger på en annen kant', poly([[0, 0], [10, 0], [10, 10], [5, 0.0], [0, 10]])),
        feature('pigg', 'ringen går fram og tilbake langs samme linje', poly([[0, 0], [10, 0], [10, 10], [10, 15], [10, 10], [0, 10]])),
        feature('sloyfe', 'sløyfe', poly([[0, 0], [10, 10], [10, 0], [0, 10]])),
        feature('loddrett-overlapp', 'loddrette kanter som overlapper', poly([[0, 0], [5, 0], [5, 10], [5, 3], [8, 3], [8, 12], [0, 12]])),
        feature('multi-adskilt', 'to adskilte deler', multi([BIG], [sq(20, 0, 5)])),
        feature('multi-felles-kant', 'to deler med felles kant', multi([BIG], [sq(10, 0, 10)])),
        feature('multi-delvis-felles-kant', 'to deler med delvis felles kant', multi([BIG], [sq(10, 5, 10)])),
        feature('multi-ett-punkt', 'to deler som berører hverandre i ett hjørne', multi([BIG], [sq(10, 10, 5)])),
        feature('multi-to-punkter', 'to deler som berører hverandre i to punkter', multi([[[0, 0], [10, 0], [10, 10], [5, 5], [0, 10]]], [[[10, 10], [5, 5], [0, 10], [5, 20]]])),
        feature('multi-to-hjorner', 'to deler som berører hverandre i to hjørner (med et lukket ytre rom mellom)', multi([[[0, 0], [10, 0], [5, 5]]], [[[0, 0], [5, -5], [10, 0], [5, -1]]])),
        feature('multi-hjorne-paa-kant', 'et hjørne av en del på kanten av den andre', multi([BIG], [[[10, 5], [15, 0], [15, 10]]])),
        feature('multi-inni', 'en del ligger inne i den andre', multi([BIG], [sq(2, 2, 3)])),
        feature('multi-krysser', 'delene krysser hverandre', multi([BIG], [sq(5, 5, 10)])),
        feature('multi-lik', 'to like deler', multi([BIG], [BIG])),
        feature('multi-oy-i-hull', 'en øy i hullet til den andre delen', multi([BIG, sq(2, 2, 6)], [sq(3, 3, 4)])),
        feature('multi-oy-i-hull-beroring', 'øya berører kanten av hullet i ett punkt', multi([BIG, sq(2, 2, 6)], [[[2, 2], [5, 3], [3, 5]]])),
        feature('multi-oy-i-hull-to-beroringer', 'øya berører kanten av hullet i to punkter', multi([BIG, sq(2, 2, 6)], [[[2, 2], [8, 2], [5, 5]]])),
        feature('multi-oy-med-hull-i-hull', 'øy med eget hull i hullet til den andre delen', multi([BIG, sq(1, 1, 8)], [sq(2, 2, 6), sq(4, 4, 2)])),
        feature('multi-del-i-hull-til-oy', 'tredje del i hullet til øya', multi([BIG, sq(1, 1, 8)], [sq(2, 2, 6), sq(3, 3, 4)], [sq(4, 4, 2)])),
        feature('multi-hull-krysser-annen-del', 'hullet i én del krysser en annen del', multi([BIG, sq(2, 2, 6)], [sq(7, 7, 6)])),
    ]


def grid_square_ring(rng, size):
    x, y = rng.randint(0, size - 1), rng.randint(0, size - 1)
    s = rng.randint(1, size - max(x, y))
    return sq(x, y, s)


def random_cases():
    rng = random.Random(SEED)
    out = []
    want = {True: 200, False: 200}
    k = 0
    while want[True] or want[False]:
        kind = rng.choice(['rutenett', 'hull', 'hull-kvadrater', 'multi', 'multi-kvadrater', 'flyttall'])
        if kind == 'rutenett':
            g = poly(random_ring(rng, rng.randint(3, 9), 4, True))
        elif kind == 'hull':
            g = poly(sq(0, 0, 8), *[random_ring(rng, rng.randint(3, 5), 8, True) for _ in range(rng.randint(1, 3))])
        elif kind == 'hull-kvadrater':
            g = poly(sq(0, 0, 8), *[grid_square_ring(rng, 8) for _ in range(rng.randint(1, 3))])
        elif kind == 'multi':
            g = multi(*[[random_ring(rng, rng.randint(3, 5), 6, True)] for _ in range(rng.randint(2, 3))])
        elif kind == 'multi-kvadrater':
            g = multi(*[[grid_square_ring(rng, 8)] + ([grid_square_ring(rng, 8)] if rng.random() < 0.3 else []) for _ in range(rng.randint(2, 3))])
        else:
            g = poly(utm(random_ring(rng, rng.randint(3, 12), 100, False)))
        rings = g['coordinates'] if g['type'] == 'Polygon' else [r for p in g['coordinates'] for r in p]
        if any(len({tuple(p) for p in r}) < 3 for r in rings):
            continue
        valid = bool(shape(g).is_valid)
        if not want[valid]:
            continue
        want[valid] -= 1
        out.append(feature(f'tilfeldig-{k:03d}', f'tilfeldig ({kind}), frø {SEED}', g))
        k += 1
    return out


def write_inputs():
    os.makedirs(os.path.join(HERE, 'in'), exist_ok=True)
    for name, feats in (('handlagde', hand_cases()), ('tilfeldige', random_cases())):
        with open(os.path.join(HERE, 'in', f'{name}.geojson'), 'w') as f:
            f.write('{"type": "FeatureCollection", "crs": ' + json.dumps(CRS) + ', "features": [\n')
            f.write(',\n'.join(json.dumps(x, ensure_ascii=False) for x in feats))
            f.write('\n]}\n')


def write_goldens():
    os.makedirs(os.path.join(HERE, 'out'), exist_ok=True)
    names = sorted(f[:-len('.geojson')] for f in os.listdir(os.path.join(HERE, 'in')) if f.endswith('.geojson'))
    for name in names:
        with open(os.path.join(HERE, 'in', f'{name}.geojson')) as f:
            coll = json.load(f)
        out = {
            'generated_by': 'python3 scripts/oracles/validate-goldens.py',
            'oracle': f'shapely {shapely.__version__}, GEOS {shapely.geos_version_string}: is_valid, is_valid_reason',
            'features': {},
        }
        for feat in coll['features']:
            g = shape(feat['geometry'])
            out['features'][feat['properties']['id']] = {'is_valid': bool(g.is_valid), 'reason': shapely.is_valid_reason(g)}
        with open(os.path.join(HERE, 'out', f'{name}.json'), 'w') as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'out/{name}.json: {len(out["features"])} objekter', file=sys.stderr)


if __name__ == '__main__':
    if '--write-inputs' in sys.argv[1:]:
        write_inputs()
    write_goldens()
